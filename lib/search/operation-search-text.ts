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
 * The `searchText` of an operation: its operationId whole (`createpaymentintent`) and in words, then
 * the words of path, summary, tags, parameter names and description, once each. Kept to plain
 * space-separated words so `to_tsvector('simple', …)` and trigram matching see exactly these.
 */
export function operationSearchText(operation: OperationText): string {
  const whole = operation.operationId ? compactWord(operation.operationId) : "";
  const words = uniqueWords([
    operation.operationId ?? "",
    operation.path,
    operation.summary,
    ...operation.tags,
    ...operation.parameterNames,
    operation.description,
  ]);
  return [whole, ...words.filter((word) => word !== whole)].join(" ").trim();
}
