import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { getTeam } from "@/lib/teams/get-team";
import { updateTeam } from "@/lib/teams/update-team";

export const GET = defineRoute(operations.getTeam, async ({ params: { slug }, reply }) => reply(await getTeam(await getDb(), slug)));

export const PATCH = defineRoute(operations.updateTeam, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `change the team "${slug}"`);
  await updateTeam(db, { actor, slug, changes: await body() });
  return reply(await getTeam(db, slug));
});
