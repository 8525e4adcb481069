import { operations } from "@/lib/api/contract/operations";
import { listRecentChanges } from "@/lib/changes/list-recent-changes";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.listRecentChanges, async ({ query, reply }) => reply({ items: await listRecentChanges(await getDb(), query) }));
