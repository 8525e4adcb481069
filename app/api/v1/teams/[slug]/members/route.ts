import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { getTeam } from "@/lib/teams/get-team";
import { listMembers } from "@/lib/teams/list-members";
import { setMembership } from "@/lib/teams/set-membership";

export const GET = defineRoute(operations.listTeamMembers, async ({ actor, params: { slug }, reply }) => {
  const db = await getDb();
  await getTeam(db, slug);
  return reply({ items: await listMembers(db, { actor, teamSlug: slug }) });
});

export const PUT = defineRoute(operations.setTeamMember, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `manage the members of "${slug}"`);
  await setMembership(db, { actor, teamSlug: slug, input: await body() });
  return reply({ items: await listMembers(db, { actor, teamSlug: slug }) });
});
