import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { pingWebhook } from "@/lib/webhooks/manage-webhooks";

export const POST = defineRoute(operations.testWebhook, async ({ actor, params: { id }, reply }) =>
  reply(await pingWebhook(await getDb(), { actor, id }), { status: 202 }),
);
