import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { importTraffic } from "@/lib/conformance/import-traffic";
import { getDb } from "@/lib/platform/db/database";
import { AppError } from "@/lib/platform/errors";

/** HAR by its media type (or plain JSON); NDJSON by its own (or JSON Lines'). */
function trafficFormat(contentType: string | null): "har" | "ndjson" {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/har+json" || type === "application/json") return "har";
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") return "ndjson";
  throw new AppError("BAD_REQUEST", `Send a HAR file as application/har+json or an NDJSON log as application/x-ndjson, not ${type || "no Content-Type"}.`);
}

export const POST = defineRoute(operations.importTraffic, async ({ actor, request, params: { slug }, query, reply }) => {
  const format = trafficFormat(request.headers.get("content-type"));
  // Streamed: importTraffic checks permission before it reads the body, then reads one exchange at a time.
  const stream = request.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return reply(await importTraffic(await getDb(), actor, { slug, version: query.version, format, stream }));
});
