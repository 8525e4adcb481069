import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { getSource } from "@/lib/sources/get-source";
import { refreshServiceSource } from "@/lib/sources/refresh-source";

/** "Refresh now": fetches the URL source at once. */
export const POST = defineRoute(operations.refreshServiceSource, async ({ actor, params: { slug }, reply }) => {
  const db = await getDb();
  const refresh = await refreshServiceSource(db, { actor, slug });
  return reply({ refresh, source: await getSource(db, { actor, slug }) });
});
