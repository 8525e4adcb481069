import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { ingestLimitsFromEnv } from "@/lib/openapi/ingest-limits";
import { runPipeline } from "@/lib/pipeline/pipeline-pool";

/** Two documents in, their classified changes out; nothing stored. Checked and compared off the main thread. */
export const POST = apiRoute(async (request) => {
  const limits = ingestLimitsFromEnv();
  const { base, revision } = await readBody(operations.diffDocuments, request, 2 * limits.maxBytes);
  const text = (document: string | Record<string, unknown>) => (typeof document === "string" ? document : JSON.stringify(document));
  return Response.json(await runPipeline("diffTexts", { base: text(base), revision: text(revision), limits }));
});
