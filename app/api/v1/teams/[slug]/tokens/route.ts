import { assert, canManageTeam } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { createToken } from "@/lib/tokens/create-token";
import { listTokens } from "@/lib/tokens/list-tokens";
import { tokenInputSchema } from "@/lib/tokens/token-input";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  const db = await getDb();
  const team = await db.team.findUnique({ where: { slug }, select: { id: true } });
  if (!team) throw notFound(`Team "${slug}"`);
  assert(canManageTeam(actor, team.id), actor, `see the tokens of "${slug}"`);
  return Response.json({ items: await listTokens(db, slug) });
});

export const POST = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const input = tokenInputSchema.parse(await readJson(request));
  const created = await createToken(await getDb(), { actor, teamSlug: slug, input });
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
