import { detectSpecFormat, isPlainObject } from "./detect-format";
import { invalidDocument } from "./document-error";
import { extractOperations, type OperationSummary } from "./extract-operations";
import { hashDocument } from "./hash-document";
import { defaultIngestLimits, type IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { inspectDocument, type DocumentShape } from "./inspect-document";
import { escapePointerKey } from "./json-pointer";
import { parseDocumentText } from "./parse-document";
import type { SpecFormat } from "./spec-format";
import { validateDocument } from "./validate-document";

/** A document that passed the pipeline, ready to be stored as a version. */
export interface PreparedDocument {
  format: SpecFormat;
  title: string;
  version: string;
  contentHash: string;
  /** The normalised document as JSON text, in the author's key order. */
  json: string;
  sizeBytes: number;
  operations: OperationSummary[];
}

/**
 * The ingestion pipeline for one self-contained document, up to storage: parse (JSON or YAML, within
 * the limits) → inspect (depth, `__proto__`, `$ref` count) → detect the format → validate against the
 * official schema → hash → index operations. A `$ref` to another file or URL is refused here without
 * being followed: multi-file documents come as bundles or from URL sources (see bundle-document.ts).
 * Throws INVALID_DOCUMENT (or PAYLOAD_TOO_LARGE for a limit) naming what is wrong and where.
 */
export async function prepareDocument(text: string, limits: IngestLimits = defaultIngestLimits): Promise<PreparedDocument> {
  const document = parseDocumentText(text, limits);
  const shape = inspectDocument(document, limits);
  const { externalRefs } = shape;
  // What the document is comes first: an AsyncAPI description is refused as such, not for its `$ref`s.
  detectSpecFormat(document);
  const first = externalRefs[0];
  if (first) {
    throw invalidDocument("The document refers to other files", [
      {
        message: `$ref "${first.ref}" points outside the document; publish the files together as a bundle (\`wayfinder publish\` does) or from a URL`,
        pointer: first.pointer,
      },
    ]);
  }
  return prepareParsed(document, shape);
}

/** Fields the catalogue indexes; PostgreSQL's btree entries hold at most ~2.7 KB, and nobody needs more. */
const MAX_VERSION_LENGTH = 100;
const MAX_INDEXED_BYTES = 1_000;

function checkIndexedFields(version: string, operations: OperationSummary[]): void {
  if (version.length > MAX_VERSION_LENGTH) {
    throw invalidDocument("The document's version is too long", [
      { message: `info.version has ${version.length} characters; at most ${MAX_VERSION_LENGTH} are allowed`, pointer: "/info/version" },
    ]);
  }
  for (const operation of operations) {
    const pointer = `/paths/${escapePointerKey(operation.path)}`;
    if (Buffer.byteLength(operation.path) > MAX_INDEXED_BYTES) {
      throw invalidDocument("A path is too long", [
        { message: `the path has ${Buffer.byteLength(operation.path)} bytes; at most ${MAX_INDEXED_BYTES} are allowed`, pointer: pointer.slice(0, 200) },
      ]);
    }
    if (operation.operationId && Buffer.byteLength(operation.operationId) > MAX_INDEXED_BYTES) {
      throw invalidDocument("An operationId is too long", [
        {
          message: `it has ${Buffer.byteLength(operation.operationId)} bytes; at most ${MAX_INDEXED_BYTES} are allowed`,
          pointer: `${pointer.slice(0, 200)}/${operation.method}/operationId`,
        },
      ]);
    }
  }
}

/** The pipeline from parsed, self-contained data: format, validation, version, hash and operations. */
export async function prepareParsed(
  document: unknown,
  /** What inspectDocument found in this very document, when the caller has it. */
  shape?: DocumentShape,
): Promise<PreparedDocument> {
  const format = detectSpecFormat(document);
  const root = document as Record<string, unknown>;
  const problems = await validateDocument(root, shape);
  if (problems.length) throw invalidDocument(`The document is not a valid ${format} description`, problems);
  const info = isPlainObject(root.info) ? root.info : {};
  if (typeof info.version !== "string" || !info.version.trim()) {
    throw invalidDocument("The document has no version", [{ message: "info.version must be a non-empty string", pointer: "/info/version" }]);
  }
  const operations = extractOperations(root);
  checkIndexedFields(info.version.trim(), operations);
  const json = JSON.stringify(document);
  return {
    format,
    title: typeof info.title === "string" ? info.title : "",
    version: info.version.trim(),
    contentHash: hashDocument(document),
    json,
    sizeBytes: Buffer.byteLength(json),
    operations,
  };
}
