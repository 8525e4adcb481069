import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";

type Json = Record<string, unknown>;

/** Request-body examples by path, method and media type (realisticBodyExamples in body-examples.ts). */
export type BodyExamples = Record<string, Partial<Record<string, Record<string, unknown>>>>;

/**
 * The document as Swagger UI pre-fills it: each listed operation's media type gets its `example`.
 * Only bodies: an `example` in a shared schema would also pre-fill every optional parameter that uses
 * it, and Execute would send filters nobody asked for. A copy; the document is not changed.
 */
export function withBodyExamples(document: Json, examples: BodyExamples): Json {
  const paths = document.paths;
  if (!isPlainObject(paths) || Object.keys(examples).length === 0) return document;
  const out: Json = { ...paths };
  for (const [route, byMethod] of Object.entries(examples)) {
    const item = deref(document, paths[route]);
    if (!isPlainObject(item)) continue;
    const copy: Json = { ...item };
    for (const [method, byMediaType] of Object.entries(byMethod)) {
      const operation = copy[method];
      const body = isPlainObject(operation) ? deref(document, operation.requestBody) : undefined;
      if (!isPlainObject(operation) || !isPlainObject(body) || !isPlainObject(body.content) || !byMediaType) continue;
      const content: Json = { ...body.content };
      for (const [mediaType, example] of Object.entries(byMediaType)) {
        const media = content[mediaType];
        if (isPlainObject(media) && media.example === undefined && media.examples === undefined) content[mediaType] = { ...media, example };
      }
      copy[method] = { ...operation, requestBody: { ...body, content } };
    }
    out[route] = copy;
  }
  return { ...document, paths: out };
}
