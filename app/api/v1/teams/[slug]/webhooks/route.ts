import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorManageTeam } from "@/lib/teams/can-manage-team";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";

export const GET = defineRoute(operations.listTeamWebhooks, async ({ actor, params: { slug }, reply }) =>
  reply({ items: await listWebhooks(await getDb(), { actor, teamSlug: slug }) }),
);

export const POST = defineRoute(operations.createTeamWebhook, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read.
  assert(await canActorManageTeam(db, actor, slug), actor, `add webhooks for "${slug}"`);
  return reply(await createWebhook(db, { actor, teamSlug: slug, input: await body() }), { status: 201, headers: { "Cache-Control": "no-store" } });
});
