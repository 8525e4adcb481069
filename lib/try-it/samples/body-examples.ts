import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";
import { bodyValueOf } from "@/lib/try-it/samples/build-sample-request";
import { httpMethods } from "@/lib/openapi/extract-operations";
import type { BodyExamples } from "./with-body-examples";

type Json = Record<string, unknown>;

/**
 * The body each operation's JSON request would be pre-filled with, by path, method and media type:
 * what the code samples send (realistic values by format and name, valid for the schema), where
 * Swagger UI would write "string" or its own regex noise (the portal's `onCallUrl` was
 * `https://s7(H.LKmG3oU<2uNs[^QZ-*mF@29Du`). Bodies the document gives an example of are left out:
 * they keep it. A small document's are computed on the server, once per version
 * (lib/try-it/get-body-examples.ts), so the browser does not run the sampler over the whole document
 * before Swagger UI can start; a large document's, per operation slice, in Swagger UI's view.
 */
export function realisticBodyExamples(document: Json): BodyExamples {
  const examples: BodyExamples = {};
  if (!isPlainObject(document.paths)) return examples;
  for (const [route, rawItem] of Object.entries(document.paths)) {
    // A path starts with "/" (anything else, "__proto__" say, is not one and would write where it should not).
    const item = route.startsWith("/") ? deref(document, rawItem) : undefined;
    if (!isPlainObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isPlainObject(operation)) continue;
      const body = deref(document, operation.requestBody);
      if (!isPlainObject(body) || !isPlainObject(body.content)) continue;
      for (const [mediaType, media] of Object.entries(body.content)) {
        if (!/json/i.test(mediaType) || !isPlainObject(media) || media.example !== undefined || media.examples !== undefined) continue;
        const value = bodyValueOf(media, document);
        if (value === undefined) continue;
        ((examples[route] ??= {})[method] ??= {})[mediaType] = value;
      }
    }
  }
  return examples;
}
