import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { listProviderOperations } from "@/lib/consumers/list-provider-operations";
import { getDb } from "@/lib/platform/db/database";

export const GET = defineRoute(operations.listServiceOperations, async ({ actor, params: { slug }, reply }) =>
  reply(await listProviderOperations(await getDb(), { actor, slug })),
);
