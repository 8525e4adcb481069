import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { getDb } from "@/lib/platform/db/database";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { getEventVersion } from "@/lib/versions/list-event-versions";

export const GET = defineRoute(operations.getEventVersionDocument, async ({ request, params: { slug, version }, query: { revision, form } }) => {
  const found = await getEventVersion(await getDb(), { serviceSlug: slug, version, revision });
  const etag = `"${found.contentHash}${form === "parsed" ? "-parsed" : ""}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache", "X-Wayfinder-Spec-Format": found.format, "X-Wayfinder-Revision": String(found.revision) };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  // The parser runs the document's schemas: in a pipeline thread, in the readers' lane.
  const body =
    form === "parsed" ? await runPipeline("stringifyEventStored", { json: found.json, limits: ingestLimitsFromEnv() }, { lane: "read" }) : found.json;
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});
