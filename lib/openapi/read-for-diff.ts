import { detectSpecFormat } from "./detect-format";
import { invalidDocument, type DocumentProblem } from "./document-error";
import { inspectDocument, type DocumentShape } from "./inspect-document";
import { resolvePointer } from "./json-pointer";
import { parseDocumentText } from "./parse-document";
import { validateDocument } from "./validate-document";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";

/** A document read to be compared, and what the official schema of its format finds wrong with it. */
export interface DocumentForDiff {
  document: Record<string, unknown>;
  problems: DocumentProblem[];
}

/**
 * Reads parsed, self-contained data to compare it, leniently: whatever can be read into the diff's
 * model is compared, valid or not (a response without `description`, an OAuth flow without `scopes`),
 * and the schema's findings come back beside it. Refused only when it cannot be read at all: neither
 * `openapi` nor `swagger`, a `$ref` to another file, a local `$ref` that points nowhere, or a limit.
 * Publishing does not use this: a portal stores valid contracts (prepare-document.ts).
 */
export async function readParsedForDiff(
  data: unknown,
  limits: Pick<IngestLimits, "maxDepth" | "maxRefs">,
  /** What inspectDocument found in `data` with these limits, when the caller has it already (it read the file). */
  shape: DocumentShape = inspectDocument(data, limits),
): Promise<DocumentForDiff> {
  const { externalRefs, localRefs } = shape;
  detectSpecFormat(data);
  const external = externalRefs[0];
  if (external)
    throw invalidDocument("The document refers to other files", [
      { message: `$ref "${external.ref}" points outside the document; give the files together (a bundle)`, pointer: external.pointer },
    ]);
  const document = data as Record<string, unknown>;
  // Each target looked up once: Stripe's 2,010 references name 553.
  const resolves = new Map<string, boolean>();
  const broken = localRefs.find(({ ref }) => {
    if (ref === "#") return false;
    if (!resolves.has(ref)) resolves.set(ref, resolvePointer(document, ref) !== undefined);
    return !resolves.get(ref);
  });
  if (broken) throw invalidDocument("A $ref points nowhere", [{ message: `$ref "${broken.ref}" points to nothing in the document`, pointer: broken.pointer }]);
  return { document, problems: await validateDocument(document, shape) };
}

/** The same from text (JSON or YAML, within the limits). */
export async function readTextForDiff(text: string, limits: IngestLimits): Promise<DocumentForDiff> {
  return readParsedForDiff(parseDocumentText(text, limits), limits);
}

/** Strict reading (`--strict`, `strict: true`): schema problems refuse the document, as publishing would. */
export function refuseInvalid(read: DocumentForDiff): DocumentForDiff {
  if (read.problems.length) throw invalidDocument(`The document is not a valid ${detectSpecFormat(read.document)} description`, read.problems);
  return read;
}
