import { compactWord, uniqueWords } from "./search-tokens";

export interface OperationText {
  operationId: string | null;
  path: string;
  summary: string;
  description: string;
  tags: string[];
  parameterNames: string[];
}

/**
 * The words search knows an operation by, as plain space-separated words so that
 * `to_tsvector('simple', …)` and trigram matching see exactly these:
 * - `searchName`: what names it: its operationId whole (`createpaymentintent`, always first) and in
 *   words, and the words of its path. Full-text search weighs these highest.
 * - `searchText`: every word, once: the name's, then summary, tags, parameter names, description.
 */
export function operationSearchText(operation: OperationText): { searchName: string; searchText: string } {
  const whole = operation.operationId ? compactWord(operation.operationId) : "";
  const name = uniqueWords([operation.operationId ?? "", operation.path]).filter((word) => word !== whole);
  const rest = uniqueWords([operation.summary, ...operation.tags, ...operation.parameterNames, operation.description]);
  const all = [...new Set([whole, ...name, ...rest])].filter(Boolean);
  return { searchName: [whole, ...name].join(" ").trim(), searchText: all.join(" ") };
}
