import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { redeliver } from "@/lib/webhooks/manage-webhooks";

export const POST = defineRoute(operations.redeliverWebhook, async ({ actor, params: { id }, reply }) =>
  reply(await redeliver(await getDb(), { actor, deliveryId: id }), { status: 202 }),
);
