import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { assertMayWaiveAny, createWaiver, listWaivers } from "@/lib/approvals/manage-waivers";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listWaivers, async ({ actor, reply }) => reply({ items: await listWaivers(await getDb(), { actor }) }));

export const POST = defineRoute(operations.createWaiver, async ({ actor, body, reply }) => {
  // 401/403 before the body is read, as far as it can be told without the body's team.
  assertMayWaiveAny(actor);
  return reply(await createWaiver(await getDb(), { actor, input: await body() }), { status: 201 });
});
