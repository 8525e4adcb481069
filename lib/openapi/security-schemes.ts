import { isPlainObject } from "./detect-format";
import { deref } from "./json-pointer";

type Json = Record<string, unknown>;

/** A document's security schemes by name: OpenAPI 3's `components.securitySchemes` or Swagger 2.0's `securityDefinitions`, references followed. */
export function securitySchemesOf(document: Json): Record<string, Json> {
  const declared = ((document.components as Json | undefined)?.securitySchemes ?? document.securityDefinitions) as Json | undefined;
  const schemes: Record<string, Json> = {};
  for (const [name, value] of Object.entries(isPlainObject(declared) ? declared : {})) {
    const scheme = deref(document, value);
    if (isPlainObject(scheme)) schemes[name] = scheme;
  }
  return schemes;
}
