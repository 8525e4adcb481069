import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { getDb } from "@/lib/platform/db/database";
import { getEventVersion } from "@/lib/versions/list-event-versions";

export const GET = defineRoute(operations.getEventVersionDocument, async ({ request, params: { slug, version }, query: { revision } }) => {
  const found = await getEventVersion(await getDb(), { serviceSlug: slug, version, revision });
  const etag = `"${found.contentHash}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache", "X-Wayfinder-Spec-Format": found.format, "X-Wayfinder-Revision": String(found.revision) };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(found.json, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});
