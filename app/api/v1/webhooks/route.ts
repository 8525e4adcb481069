import { operations } from "@/lib/api/contract/operations";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/manage-webhooks";

export const GET = defineRoute(operations.listWebhooks, async ({ actor, reply }) => reply({ items: await listWebhooks(await getDb(), { actor }) }));

export const POST = defineRoute(operations.createWebhook, async ({ actor, body, reply }) => {
  assert(isAdmin(actor), actor, "add webhooks for every service");
  return reply(await createWebhook(await getDb(), { actor, input: await body() }), { status: 201, headers: { "Cache-Control": "no-store" } });
});
