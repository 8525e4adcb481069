import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { deleteWebhook } from "@/lib/webhooks/manage-webhooks";

export const DELETE = defineRoute(operations.deleteWebhook, async ({ actor, params: { id } }) => {
  await deleteWebhook(await getDb(), { actor, id });
  return new Response(null, { status: 204 });
});
