import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { assertMayDeclare, declareConsumption, removeConsumption } from "@/lib/consumers/manage-consumptions";
import { getDb } from "@/lib/platform/db/database";

export const PUT = defineRoute(operations.declareConsumption, async ({ actor, params: { slug, provider }, body, reply }) => {
  const db = await getDb();
  await assertMayDeclare(db, actor, slug);
  return reply(await declareConsumption(db, { actor, consumerSlug: slug, providerSlug: provider, input: await body() }));
});

export const DELETE = defineRoute(operations.removeConsumption, async ({ actor, params: { slug, provider }, reply }) =>
  reply(await removeConsumption(await getDb(), { actor, consumerSlug: slug, providerSlug: provider })),
);
