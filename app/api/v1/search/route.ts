import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { searchEverything } from "@/lib/search/search-everything";

export const GET = apiRoute(async (request) => {
  const input = operations.search.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await searchEverything(await getDb(), input));
});
