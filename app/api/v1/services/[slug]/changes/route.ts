import { operations } from "@/lib/api/contract/operations";
import { listServiceChanges } from "@/lib/changes/list-service-changes";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const { level } = operations.listServiceChanges.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: await listServiceChanges(await getDb(), { actor, slug, level }) });
});
