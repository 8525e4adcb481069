import type { PreparedDocument } from "@/lib/openapi/prepare-document";

// Apart from the pipeline's modules (receive-document.ts, prepare-document.ts): the server's publishing
// route and publish-version.ts describe what a pipeline thread prepared without loading its parsers.

/** What the API says about a prepared document, stored or not. */
export function describePrepared(prepared: PreparedDocument, now = new Date()) {
  const pastSunset = operationsPastSunset(prepared, now);
  return {
    format: prepared.format,
    title: prepared.title,
    version: prepared.version,
    contentHash: prepared.contentHash,
    operationCount: prepared.operations.length,
    sizeBytes: prepared.sizeBytes,
    ...(pastSunset.length ? { pastSunset } : {}),
  };
}

/** Deprecated operations the document still holds after their `x-sunset` date: they should be gone by now. */
export function operationsPastSunset(prepared: Pick<PreparedDocument, "operations">, now = new Date()): { operation: string; sunset: string }[] {
  return prepared.operations
    .filter((operation) => operation.deprecated && operation.sunset && operation.sunset.getTime() <= now.getTime())
    .map((operation) => ({ operation: `${operation.method.toUpperCase()} ${operation.path}`, sunset: operation.sunset!.toISOString().slice(0, 10) }));
}
