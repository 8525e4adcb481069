import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) =>
  Response.json({ items: await listWebhooks(await getDb(), { actor, teamSlug: slug }) }),
);

export const POST = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `add webhooks for "${slug}"`);
  const input = await readBody(operations.createTeamWebhook, request);
  return Response.json(await createWebhook(db, { actor, teamSlug: slug, input }), { status: 201, headers: { "Cache-Control": "no-store" } });
});
