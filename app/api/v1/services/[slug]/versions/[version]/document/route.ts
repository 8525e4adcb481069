import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { getVersionDocument } from "@/lib/versions/get-version-document";

export const GET = defineRoute(operations.getVersionDocument, async ({ request, params: { slug, version }, query: { revision } }) => {
  const document = await getVersionDocument(await getDb(), { serviceSlug: slug, version, revision });
  const etag = `"${document.contentHash}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "no-cache",
    "X-Wayfinder-Spec-Format": document.format,
    "X-Wayfinder-Revision": String(document.revision),
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(document.json, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});
