import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { pingWebhook } from "@/lib/webhooks/manage-webhooks";

export const POST = apiRoute<{ id: string }>(async (_request, { id }, { actor }) =>
  Response.json(await pingWebhook(await getDb(), { actor, id }), { status: 202 }),
);
