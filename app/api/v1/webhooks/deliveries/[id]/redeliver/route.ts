import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { redeliver } from "@/lib/webhooks/manage-webhooks";

export const POST = defineRoute(operations.redeliverWebhook, async ({ actor, params: { id }, reply }) =>
  reply(await redeliver(await getDb(), { actor, deliveryId: id }), { status: 202 }),
);
