import { operations } from "@/lib/api/contract/operations";
import { listServiceChanges } from "@/lib/changes/list-service-changes";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.listServiceChanges, async ({ actor, params: { slug }, query: { level }, reply }) =>
  reply({ items: await listServiceChanges(await getDb(), { actor, slug, level }) }),
);
