import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { listNeighbours } from "@/lib/consumers/list-consumers";
import { listUnusedOperations } from "@/lib/consumers/unused-operations";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listServiceConsumers, async ({ actor, params: { slug }, reply }) => {
  const db = await getDb();
  const [items, unused] = await Promise.all([listNeighbours(db, { actor, slug, side: "consumers" }), listUnusedOperations(db, { actor, slug })]);
  return reply({ items, unused });
});
