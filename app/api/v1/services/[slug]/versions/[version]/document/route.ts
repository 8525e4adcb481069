import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { getVersionDocument } from "@/lib/versions/get-version-document";

export const GET = apiRoute<{ slug: string; version: string }>(async (request, { slug, version }) => {
  const { revision } = operations.getVersionDocument.query.parse(Object.fromEntries(new URL(request.url).searchParams));
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
