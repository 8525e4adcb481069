import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { deleteWebhook } from "@/lib/webhooks/manage-webhooks";

export const DELETE = defineRoute(operations.deleteWebhook, async ({ actor, params: { id } }) => {
  await deleteWebhook(await getDb(), { actor, id });
  return new Response(null, { status: 204 });
});
