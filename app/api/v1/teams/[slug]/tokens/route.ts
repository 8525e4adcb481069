import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens } from "@/lib/tokens/list-tokens";

export const GET = defineRoute(operations.listTeamTokens, async ({ actor, params: { slug }, reply }) => {
  const db = await getDb();
  assert(await canActorManageTeam(db, actor, slug), actor, `see the tokens of "${slug}"`);
  return reply({ items: await listTokens(db, slug) });
});

export const POST = defineRoute(operations.createTeamToken, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `create tokens for "${slug}"`);
  const created = await createToken(db, { actor, teamSlug: slug, input: await body() });
  return reply(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
