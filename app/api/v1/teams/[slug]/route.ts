import { assert } from "@/lib/auth/permissions";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { getTeam } from "@/lib/teams/get-team";
import { updateTeam } from "@/lib/teams/update-team";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }) => Response.json(await getTeam(await getDb(), slug)));

export const PATCH = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `change the team "${slug}"`);
  const changes = await readBody(operations.updateTeam, request);
  await updateTeam(db, { actor, slug, changes });
  return Response.json(await getTeam(db, slug));
});
