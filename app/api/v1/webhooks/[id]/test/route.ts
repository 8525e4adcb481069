import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { pingWebhook } from "@/lib/webhooks/manage-webhooks";

export const POST = defineRoute(operations.testWebhook, async ({ actor, params: { id }, reply }) =>
  reply(await pingWebhook(await getDb(), { actor, id }), { status: 202 }),
);
