import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";
import { bodyValueOf } from "@/lib/try-it/samples/build-sample-request";

type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * The document as Swagger UI pre-fills it: each operation's JSON request body gets, as its media type's
 * `example`, the body the code samples send (realistic values by format and name, valid for the schema),
 * where Swagger UI would write "string" or its own regex noise (the portal's `onCallUrl` was
 * `https://s7(H.LKmG3oU<2uNs[^QZ-*mF@29Du`). Only bodies: an `example` in a shared schema would also
 * pre-fill every optional parameter that uses it, and Execute would send filters nobody asked for.
 * Bodies the document gives an example of keep it.
 */
export function withRealisticExamples(document: Json): Json {
  const paths = document.paths;
  if (!isPlainObject(paths)) return document;
  const out: Json = {};
  for (const [route, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    if (!isPlainObject(item)) {
      out[route] = rawItem;
      continue;
    }
    const copy: Json = { ...item };
    for (const method of METHODS) {
      const operation = copy[method];
      if (!isPlainObject(operation)) continue;
      const body = deref(document, operation.requestBody);
      if (!isPlainObject(body) || !isPlainObject(body.content)) continue;
      const content: Json = { ...body.content };
      let changed = false;
      for (const [mediaType, media] of Object.entries(body.content)) {
        if (!/json/i.test(mediaType) || !isPlainObject(media) || media.example !== undefined || media.examples !== undefined) continue;
        const value = bodyValueOf(media, document);
        if (value === undefined) continue;
        content[mediaType] = { ...media, example: value };
        changed = true;
      }
      if (changed) copy[method] = { ...operation, requestBody: { ...body, content } };
    }
    out[route] = copy;
  }
  return { ...document, paths: out };
}
