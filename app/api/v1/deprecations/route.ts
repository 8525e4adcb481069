import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { listDeprecations } from "@/lib/deprecations/list-deprecations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async (request) => {
  const { within } = operations.listDeprecations.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: await listDeprecations(await getDb(), { within }) });
});
