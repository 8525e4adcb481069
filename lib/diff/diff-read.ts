import type { DocumentProblem } from "@/lib/openapi/document-error";
import type { DocumentForDiff } from "@/lib/openapi/read-for-diff";
import { diffDocuments, type DiffOptions } from "./diff-documents";
import type { DiffResult, ValidityProblem } from "./diff-types";

/** Two documents read for a diff (read-for-diff.ts), compared; what their schemas find wrong listed once, beside the changes. */
export function diffRead(before: DocumentForDiff, after: DocumentForDiff, options: DiffOptions = {}): DiffResult {
  const result = diffDocuments(before.document, after.document, options);
  const validity = [
    ...before.problems.map((problem) => validityProblem("base", problem)),
    ...after.problems.map((problem) => validityProblem("revision", problem)),
  ];
  return validity.length ? { ...result, validity } : result;
}

function validityProblem(document: ValidityProblem["document"], { pointer, message }: DocumentProblem): ValidityProblem {
  return pointer === undefined ? { document, message } : { document, pointer, message };
}
