import { operations } from "@/lib/api/contract/operations";
import { listRecentChanges } from "@/lib/changes/list-recent-changes";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async (request) => {
  const filters = operations.listRecentChanges.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: await listRecentChanges(await getDb(), filters) });
});
