import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { searchEverything } from "@/lib/search/search-everything";

export const GET = defineRoute(operations.search, async ({ query, reply }) => reply(await searchEverything(await getDb(), query)));
