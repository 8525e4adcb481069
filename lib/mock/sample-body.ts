import { sample } from "openapi-sampler";
import { pointerKeys } from "@/lib/openapi/json-pointer";

type Json = Record<string, unknown>;

/** Follows local `$ref`s (a path item or a response may be one) to the object they name. */
function deref(document: Json, value: unknown): Json | undefined {
  let current = value as Json | undefined;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 32; hops += 1) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) return undefined;
    current = pointerKeys(ref).reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document) as Json | undefined;
  }
  return current;
}

/** The document's own schema for one response body, where the mock generates data from. */
export function responseSchema(document: Json, path: string, method: string, code: string, mediaType: string): Json | undefined {
  const operation = deref(document, deref(document, (document.paths as Json | undefined)?.[path])?.[method]);
  const response = deref(document, (operation?.responses as Json | undefined)?.[code]);
  if (!response) return undefined;
  if (document.swagger) return response.schema as Json | undefined;
  return ((response.content as Json | undefined)?.[mediaType] as Json | undefined)?.schema as Json | undefined;
}

/**
 * Data generated from a response schema that validates against it: openapi-sampler honours formats,
 * enums, bounds, patterns and the composition keywords, and cuts recursion off. Prism's own static
 * sampler writes "string" for every string, whatever its pattern or format, so its bodies fail their
 * own schemas (the demo's order responses, whose country must match ^[A-Z]{2}$, did).
 */
export function sampleBody(document: Json, schema: Json): unknown {
  return sample(
    schema as never,
    { skipReadOnly: false, skipWriteOnly: true, skipNonRequired: false, quiet: true, enablePatterns: true } as never,
    document as never,
  );
}
