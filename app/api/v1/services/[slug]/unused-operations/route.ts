import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { listUnusedOperations } from "@/lib/consumers/unused-operations";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listUnusedOperations, async ({ actor, params: { slug }, reply }) =>
  reply(await listUnusedOperations(await getDb(), { actor, slug })),
);
