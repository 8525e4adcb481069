import { operations } from "@/lib/api/contract/operations";
import { listRecentChanges } from "@/lib/changes/list-recent-changes";
import { getDb } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";

export const GET = defineRoute(operations.listRecentChanges, async ({ query, reply }) => reply({ items: await listRecentChanges(await getDb(), query) }));
