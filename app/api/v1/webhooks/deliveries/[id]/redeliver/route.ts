import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { redeliver } from "@/lib/webhooks/manage-webhooks";

export const POST = apiRoute<{ id: string }>(async (_request, { id }, { actor }) =>
  Response.json(await redeliver(await getDb(), { actor, deliveryId: id }), { status: 202 }),
);
