import { isPlainObject } from "./detect-format";
import { pointerKeys } from "./json-pointer";

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** One operation of an API, as the catalogue indexes it. */
export interface OperationSummary {
  method: HttpMethod;
  path: string;
  operationId: string | null;
  summary: string;
  tags: string[];
  deprecated: boolean;
  /** `x-sunset` of a deprecated operation, when it is a date. */
  sunset: Date | null;
}

/** Follows a local `#/…` JSON pointer; anything else (external or broken) gives undefined. */
function resolveLocalRef(document: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const key of pointerKeys(ref)) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Lists the operations under `paths` (path items given by local `$ref` included), in document order. */
export function extractOperations(document: Record<string, unknown>): OperationSummary[] {
  const paths = document.paths;
  if (!isPlainObject(paths)) return [];
  const operations: OperationSummary[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    let item = rawItem;
    if (isPlainObject(item) && typeof item.$ref === "string") item = resolveLocalRef(document, item.$ref) ?? item;
    if (!isPlainObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isPlainObject(operation)) continue;
      operations.push({
        method,
        path,
        operationId: typeof operation.operationId === "string" ? operation.operationId : null,
        summary: typeof operation.summary === "string" ? operation.summary.slice(0, 500) : "",
        tags: Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string") : [],
        deprecated: operation.deprecated === true,
        sunset: typeof operation["x-sunset"] === "string" && !Number.isNaN(Date.parse(operation["x-sunset"])) ? new Date(operation["x-sunset"]) : null,
      });
    }
  }
  return operations;
}
