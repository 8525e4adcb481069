import { notFound } from "@/lib/platform/errors";
import { isPlainObject } from "./detect-format";
import { httpMethods, type HttpMethod } from "./extract-operations";
import { inlineRefs, type InlineResult } from "./inline-refs";
import { deref } from "./json-pointer";

type Json = Record<string, unknown>;

/** Top-level keys a slice leaves out: every path but one, and the components it no longer refers to. */
const dropped = new Set(["paths", "webhooks", "components", "definitions", "parameters", "responses", "x-webhooks", "x-tagGroups"]);

export type SliceInfo = Omit<InlineResult, "value">;

/**
 * The document without any operation: info, servers, security, tags and security schemes, for Swagger
 * UI to show (the API's description, its servers, Authorize) before an operation is chosen.
 */
export function overviewSlice(document: Json): Json {
  const slice: Json = {};
  for (const [key, entry] of Object.entries(document)) if (!dropped.has(key)) slice[key] = entry;
  slice.paths = {};
  const components = isPlainObject(document.components) ? document.components : null;
  if (components?.securitySchemes) slice.components = { securitySchemes: components.securitySchemes };
  return slice;
}

/**
 * One operation of a document as a document of its own, for Swagger UI to render: the document's
 * info, servers, security and security schemes, the operation under its path with every reference
 * already expanded (lib/openapi/inline-refs.ts), and its first tag alone, so that Swagger UI's deep
 * link (`#/{tag}/{operationId}`) is the same as in the whole document. Everything else is left out:
 * Swagger UI then parses a few kilobytes instead of Stripe's 4 MB, and resolves nothing.
 */
export function operationSlice(document: Json, method: HttpMethod, path: string): { slice: Json; info: SliceInfo } {
  const paths = isPlainObject(document.paths) ? document.paths : {};
  const item = deref(document, paths[path]);
  const operation = isPlainObject(item) ? item[method] : undefined;
  if (!isPlainObject(item) || !isPlainObject(operation) || !httpMethods.includes(method)) throw notFound(`Operation ${method.toUpperCase()} ${path}`);

  const { value, ...info } = inlineRefs(document, { operation, parameters: item.parameters });
  const inlined = value as { operation: Json; parameters?: unknown };
  const tags = Array.isArray(operation.tags) ? operation.tags.filter((tag): tag is string => typeof tag === "string").slice(0, 1) : [];
  const slicedItem: Json = { [method]: { ...inlined.operation, ...(tags.length ? { tags } : {}) } };
  if (inlined.parameters !== undefined) slicedItem.parameters = inlined.parameters;
  for (const key of ["servers", "summary", "description"]) if (item[key] !== undefined) slicedItem[key] = item[key];

  const slice = overviewSlice(document);
  if (Array.isArray(document.tags)) slice.tags = document.tags.filter((tag) => isPlainObject(tag) && tags.includes(tag.name as string));
  slice.paths = { [path]: slicedItem };
  return { slice, info };
}
