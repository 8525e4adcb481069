import { detectSpecFormat, isPlainObject } from "./detect-format";
import { invalidDocument } from "./document-error";
import { extractOperations, type OperationSummary } from "./extract-operations";
import { hashDocument } from "./hash-document";
import { defaultParseLimits, parseDocumentText, type ParseLimits } from "./parse-document";
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
 * The ingestion pipeline up to storage: parse (JSON or YAML) → detect the format → validate against the
 * official schema → hash → index operations. Throws INVALID_DOCUMENT naming what is wrong and where.
 */
export async function prepareDocument(text: string, limits: ParseLimits = defaultParseLimits): Promise<PreparedDocument> {
  const document = parseDocumentText(text, limits);
  const format = detectSpecFormat(document);
  const root = document as Record<string, unknown>;
  const problems = await validateDocument(root);
  if (problems.length) throw invalidDocument(`The document is not a valid ${format} description`, problems);
  const info = isPlainObject(root.info) ? root.info : {};
  if (typeof info.version !== "string" || !info.version.trim()) {
    throw invalidDocument("The document has no version", [{ message: "info.version must be a non-empty string", pointer: "/info/version" }]);
  }
  const json = JSON.stringify(document);
  return {
    format,
    title: typeof info.title === "string" ? info.title : "",
    version: info.version.trim(),
    contentHash: hashDocument(document),
    json,
    sizeBytes: Buffer.byteLength(json),
    operations: extractOperations(root),
  };
}
