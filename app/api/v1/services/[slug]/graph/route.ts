import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { serviceGraph } from "@/lib/consumers/service-graph";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.getServiceGraph, async ({ actor, params: { slug }, query: { depth }, reply }) =>
  reply(await serviceGraph(await getDb(), { actor, focus: { service: slug }, depth: depth === 2 ? 2 : 1 })),
);
