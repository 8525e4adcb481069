import { AppError } from "@/lib/platform/errors";

/** Where in a document a problem is: a JSON pointer, and the line and column when the text is known. */
export interface DocumentProblem {
  message: string;
  pointer?: string;
  line?: number;
  column?: number;
}

/** An INVALID_DOCUMENT error whose details list each problem; the message names the first. */
export function invalidDocument(summary: string, problems: DocumentProblem[] = []): AppError {
  const first = problems[0];
  const where = first ? (first.pointer ? ` at ${first.pointer || "/"}` : first.line ? ` at line ${first.line}, column ${first.column ?? 1}` : "") : "";
  const message = first ? `${summary}: ${first.message}${where}` : summary;
  return new AppError("INVALID_DOCUMENT", message, problems.length ? { problems } : undefined);
}
