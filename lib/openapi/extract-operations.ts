import { isPlainObject } from "./detect-format";
import { operationSearchText } from "@/lib/search-index/operation-search-text";
import { resolvePointer } from "./json-pointer";

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** One operation of an API, as the catalogue indexes it. */
export interface OperationSummary {
  method: HttpMethod;
  path: string;
  operationId: string | null;
  summary: string;
  tags: string[];
  /** The start of the description, as plain text, for search results. */
  description: string;
  /** The words that name it (operationId, path) and all its words, for search (lib/search-index/operation-search-text.ts). */
  searchName: string;
  searchText: string;
  deprecated: boolean;
  /** `x-sunset` of a deprecated operation, when it is a date. */
  sunset: Date | null;
}

/** Markdown to a short line of plain text: no markup, links kept as their text, whitespace folded. */
function plainDescription(markdown: unknown): string {
  if (typeof markdown !== "string") return "";
  return markdown
    .slice(0, 4000)
    .replace(/<[^>]*>/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_#>|]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 1000);
}

/** Names of the parameters of a path item and its operation (local `$ref`s followed). */
function parameterNames(document: Record<string, unknown>, ...lists: unknown[]): string[] {
  const names: string[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (let parameter of list) {
      if (isPlainObject(parameter) && typeof parameter.$ref === "string") parameter = resolvePointer(document, parameter.$ref);
      if (isPlainObject(parameter) && typeof parameter.name === "string") names.push(parameter.name);
    }
  }
  return names;
}

/** Lists the operations under `paths` (path items given by local `$ref` included), in document order. */
export function extractOperations(document: Record<string, unknown>): OperationSummary[] {
  const paths = document.paths;
  if (!isPlainObject(paths)) return [];
  const operations: OperationSummary[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    let item = rawItem;
    if (isPlainObject(item) && typeof item.$ref === "string") item = resolvePointer(document, item.$ref) ?? item;
    if (!isPlainObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isPlainObject(operation)) continue;
      const operationId = typeof operation.operationId === "string" ? operation.operationId : null;
      const summary = typeof operation.summary === "string" ? operation.summary.slice(0, 500) : "";
      const tags = Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string") : [];
      const description = plainDescription(operation.description);
      const parameters = parameterNames(document, item.parameters, operation.parameters);
      operations.push({
        method,
        path,
        operationId,
        summary,
        tags,
        description,
        ...operationSearchText({ operationId, path, summary, description, tags, parameterNames: parameters }),
        deprecated: operation.deprecated === true,
        sunset: typeof operation["x-sunset"] === "string" && !Number.isNaN(Date.parse(operation["x-sunset"])) ? new Date(operation["x-sunset"]) : null,
      });
    }
  }
  return operations;
}
