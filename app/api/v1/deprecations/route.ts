import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { listDeprecations } from "@/lib/deprecations/list-deprecations";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.listDeprecations, async ({ query, reply }) =>
  reply({ items: await listDeprecations(await getDb(), { within: query.within }) }),
);
