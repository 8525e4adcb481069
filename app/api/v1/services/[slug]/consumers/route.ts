import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { listNeighbours } from "@/lib/consumers/list-consumers";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listServiceConsumers, async ({ actor, params: { slug }, query: { page, pageSize }, reply }) =>
  reply(await listNeighbours(await getDb(), { actor, slug, side: "consumers", page, pageSize })),
);
