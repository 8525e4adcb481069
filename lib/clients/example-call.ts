import { isPlainObject } from "@/lib/openapi/detect-format";
import { httpMethods } from "@/lib/openapi/extract-operations";
import { deref } from "@/lib/openapi/json-pointer";

type Json = Record<string, unknown>;
type Scalar = string | number | boolean;

/** One call a generated client's README shows: an operation without a request body, and a value for each required parameter. */
export interface ExampleCall {
  method: string;
  path: string;
  operationId: string | null;
  /** Required parameters by where they go (`path`, `query`, `header`), each with a value of its schema's type. */
  params: Partial<Record<"path" | "query" | "header", Record<string, Scalar>>>;
}

/** A value the parameter's schema accepts (its first enum value, else one of its type); null when it is not a scalar. */
function sampleValue(document: Json, schema: unknown): Scalar | null {
  const resolved = deref(document, schema);
  if (!isPlainObject(resolved)) return null;
  if (Array.isArray(resolved.enum)) {
    const first = resolved.enum.find((value) => ["string", "number", "boolean"].includes(typeof value));
    return (first as Scalar | undefined) ?? null;
  }
  const type = Array.isArray(resolved.type) ? resolved.type.find((entry) => entry !== "null") : resolved.type;
  if (type === "string") return "example";
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  return null;
}

function exampleFor(document: Json, path: string, method: string, item: Json, operation: Json): ExampleCall | null {
  // A body the operation requires has no simple value; Stripe's GETs declare an optional one.
  const body = deref(document, operation.requestBody);
  if (isPlainObject(body) && body.required === true) return null;
  const params: ExampleCall["params"] = {};
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = deref(document, raw);
      if (!isPlainObject(parameter) || typeof parameter.name !== "string") return null;
      const where = parameter.in;
      if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") return null;
      if (!(where === "path" || parameter.required === true)) continue;
      if (where === "cookie") return null;
      const value = sampleValue(document, parameter.schema);
      if (value === null) return null;
      (params[where] ??= {})[parameter.name] = value;
    }
  }
  // Every `{name}` of the path needs a value, or the call would not say where to go.
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) if (params.path?.[name!] === undefined) return null;
  return { method: method.toUpperCase(), path, operationId: typeof operation.operationId === "string" ? operation.operationId : null, params };
}

/** The first GET whose parameters have simple values, else the first such operation of any method; null if none. */
export function exampleCall(document: Json): ExampleCall | null {
  const paths = isPlainObject(document.paths) ? document.paths : {};
  let fallback: ExampleCall | null = null;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    if (!isPlainObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isPlainObject(operation)) continue;
      const call = exampleFor(document, path, method, item, operation);
      if (call && method === "get") return call;
      fallback ??= call;
    }
  }
  return fallback;
}
