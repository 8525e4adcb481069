import { assert } from "@/lib/auth/permissions";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { getTeam } from "@/lib/teams/get-team";
import { listMembers } from "@/lib/teams/list-members";
import { setMembership } from "@/lib/teams/set-membership";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  const db = await getDb();
  await getTeam(db, slug);
  return Response.json({ items: await listMembers(db, { actor, teamSlug: slug }) });
});

export const PUT = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `manage the members of "${slug}"`);
  const input = await readBody(operations.setTeamMember, request);
  await setMembership(db, { actor, teamSlug: slug, input });
  return Response.json({ items: await listMembers(db, { actor, teamSlug: slug }) });
});
