import { openapiSchemaToJsonSchema as convert } from "@openapi-contrib/openapi-schema-to-json-schema";
import type { IHttpOperation } from "@stoplight/types";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Json = Record<string, unknown>;
const BUNDLE_ID = "https://wayfinder.invalid/test-bundle.json";

/**
 * OpenAPI 3.0 spellings in 3.1 documents, as real ones have them, read as 3.0 meant them: `nullable`
 * (Adyen's; Ajv reads it as its own keyword and refuses it beside no `type`) is dropped, as 3.1 ignores
 * it, and a boolean `exclusiveMinimum`/`exclusiveMaximum` (OpenAI's) becomes the bound it qualified.
 */
function as31Schema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(as31Schema);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === "nullable" && typeof value === "boolean") continue;
    out[key] = key === "enum" || key === "const" || key === "example" || key === "examples" ? value : as31Schema(value);
  }
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[exclusive] !== "boolean") continue;
    if (out[exclusive] && typeof out[bound] === "number") {
      out[exclusive] = out[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
  return out;
}

/**
 * Checks a mocked body against the response schema, independently of the mock's generator: the schema
 * Prism's operation carries (refs bundled into `__bundled__`), converted from OpenAPI 2.0/3.0 to JSON
 * Schema (nullable, exclusive bounds) by @openapi-contrib/openapi-schema-to-json-schema, or taken as it
 * is for 3.1 (JSON Schema 2020-12). Formats are checked, unknown ones ignored.
 */
export function responseValidator(document: Json) {
  const is31 = typeof document.openapi === "string" && document.openapi.startsWith("3.1");
  // Real documents break JSON Schema's own rules in ways that do not change what a body must be
  // (OpenAI's `required` lists a name twice): the schemas are compiled without checking them first.
  const options = { strict: false, logger: false, unicodeRegExp: false, validateSchema: false } as const;
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  const compiled = new Map<unknown, ReturnType<Ajv["compile"]>>();
  const convertSchema = (schema: unknown) =>
    is31 ? as31Schema(schema) : convert(schema as never, { cloneSchema: true, strictMode: false, supportPatternProperties: true } as never);
  let bundleAdded = false;
  return (operation: IHttpOperation & { __bundled__?: Json }, schema: Json, body: unknown): string | null => {
    if (!bundleAdded) {
      // The shared components once, as their own schema document: each response's refs point into it.
      const bundled = Object.fromEntries(Object.entries(operation.__bundled__ ?? {}).map(([key, value]) => [key, convertSchema(value)]));
      // Bundling can leave a $ref into another operation's response (DigitalOcean has them): keep `paths` reachable.
      ajv.addSchema({ $id: BUNDLE_ID, __bundled__: bundled, paths: document.paths });
      bundleAdded = true;
    }
    let validate = compiled.get(schema);
    if (!validate) {
      const { $schema: _ignored, ...root } = convertSchema(schema) as Json;
      validate = ajv.compile(JSON.parse(JSON.stringify(root).replace(/"#\/(__bundled__|paths)\//g, `"${BUNDLE_ID}#/$1/`)));
      compiled.set(schema, validate);
    }
    return validate(body) ? null : ajv.errorsText(validate.errors);
  };
}
