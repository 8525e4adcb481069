import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { getSource } from "@/lib/sources/get-source";
import { refreshServiceSource } from "@/lib/sources/refresh-source";

/** "Refresh now": fetches the URL source at once. */
export const POST = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  const db = await getDb();
  const refresh = await refreshServiceSource(db, { actor, slug });
  return Response.json({ refresh, source: await getSource(db, { actor, slug }) });
});
