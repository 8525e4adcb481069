import { AppError } from "@/lib/platform/errors";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { invalidDocument } from "@/lib/openapi/document-error";
import { hashDocument } from "@/lib/openapi/hash-document";
import { decodeUtf8, parseDocumentText } from "@/lib/openapi/parse-document";
import { joinBundle } from "@/lib/openapi/prepare-bundle";
import { isBundle, parseBundleBody } from "@/lib/openapi/receive-document";
import type { EventApi } from "./extract-event-api";
import { isAsyncApi } from "./is-async-api";
import { readAsyncApi, type AsyncApiFormat } from "./read-asyncapi";

/** An event API document that passed the pipeline, ready to be stored as an event version. */
export interface PreparedEventDocument {
  format: AsyncApiFormat;
  asyncapi: string;
  convertedFrom: string | null;
  title: string;
  version: string;
  contentHash: string;
  /** The document (as converted, for 1.x) as JSON text, in the author's key order. */
  json: string;
  sizeBytes: number;
  api: EventApi;
}

/** As for OpenAPI: PostgreSQL's btree entries hold ~2.7 KB, and nobody needs a longer version. */
const MAX_VERSION_LENGTH = 100;

/**
 * A pushed or uploaded event API through the pipeline: one JSON or YAML document, or a bundle of
 * files (its own media type), within the ingestion limits; then read by the AsyncAPI parser
 * (read-asyncapi.ts). Anything that is not AsyncAPI is refused, naming where it goes instead.
 */
export async function prepareEventReceived(body: Uint8Array, contentType: string, limits: IngestLimits): Promise<PreparedEventDocument> {
  if (!body.byteLength) throw new AppError("BAD_REQUEST", "The body is empty: send the AsyncAPI document (JSON or YAML), or a bundle.");
  const text = decodeUtf8(body);
  return prepareEventParsed(isBundle(contentType) ? await joinBundle(parseBundleBody(text), limits) : parseDocumentText(text, limits), limits);
}

/** Whether a document names other files: a `$ref` anywhere that is not a pointer into itself. */
export function refersToOtherFiles(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(refersToOtherFiles);
  if (!value || typeof value !== "object") return false;
  for (const [key, child] of Object.entries(value)) {
    if (key === "$ref" && typeof child === "string" && !child.startsWith("#")) return true;
    if (refersToOtherFiles(child)) return true;
  }
  return false;
}

/** A parsed (and, for several files, joined) event API document read by the AsyncAPI parser and made ready to store. */
export async function prepareEventParsed(data: unknown, limits: IngestLimits): Promise<PreparedEventDocument> {
  if (!isAsyncApi(data))
    throw invalidDocument("The document is not an AsyncAPI description", [
      {
        message:
          'it has no "asyncapi" field: event APIs (AsyncAPI 1.x, 2.x, 3.0) are published here, OpenAPI and Swagger documents to /services/{slug}/versions',
        pointer: "",
      },
    ]);
  const read = await readAsyncApi(data, limits);
  if (read.api.version.length > MAX_VERSION_LENGTH)
    throw invalidDocument("The document's version is too long", [
      { message: `info.version has ${read.api.version.length} characters; at most ${MAX_VERSION_LENGTH} are allowed`, pointer: "/info/version" },
    ]);
  const json = JSON.stringify(read.document);
  return {
    format: read.format,
    asyncapi: read.asyncapi,
    convertedFrom: read.convertedFrom ?? null,
    title: read.api.title,
    version: read.api.version,
    contentHash: hashDocument(read.document),
    json,
    sizeBytes: Buffer.byteLength(json),
    api: read.api,
  };
}
