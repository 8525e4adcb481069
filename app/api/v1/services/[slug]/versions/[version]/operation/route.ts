import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { getOperationSlice } from "@/lib/versions/get-operation-slice";

/** Bumped when the slicer's output changes, so that browsers drop slices they cached. */
const SLICER_VERSION = 1;

export const GET = defineRoute(operations.getOperationSlice, async ({ request, params: { slug, version }, query }) => {
  const slice = await getOperationSlice(await getDb(), { serviceSlug: slug, version, ...query });
  const etag = `"${slice.contentHash}-${SLICER_VERSION}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache", "X-Wayfinder-Revision": String(slice.revision) };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(slice.json, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});
