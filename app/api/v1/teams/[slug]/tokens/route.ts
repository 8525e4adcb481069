import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { createToken } from "@/lib/tokens/create-token";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { listTokens } from "@/lib/tokens/list-tokens";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  const db = await getDb();
  assert(await canActorManageTeam(db, actor, slug), actor, `see the tokens of "${slug}"`);
  return Response.json({ items: await listTokens(db, slug) });
});

export const POST = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `create tokens for "${slug}"`);
  const input = await readBody(operations.createTeamToken, request);
  const created = await createToken(db, { actor, teamSlug: slug, input });
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
