import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { deleteWebhook } from "@/lib/webhooks/manage-webhooks";

export const DELETE = apiRoute<{ id: string }>(async (_request, { id }, { actor }) => {
  await deleteWebhook(await getDb(), { actor, id });
  return new Response(null, { status: 204 });
});
