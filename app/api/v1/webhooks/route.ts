import { operations } from "@/lib/api/contract/operations";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";

export const GET = apiRoute(async (_request, _params, { actor }) => Response.json({ items: await listWebhooks(await getDb(), { actor }) }));

export const POST = apiRoute(async (request, _params, { actor }) => {
  assert(isAdmin(actor), actor, "add webhooks for every service");
  const input = await readBody(operations.createWebhook, request);
  return Response.json(await createWebhook(await getDb(), { actor, input }), { status: 201, headers: { "Cache-Control": "no-store" } });
});
