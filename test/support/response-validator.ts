import { openapiSchemaToJsonSchema as convert } from "@openapi-contrib/openapi-schema-to-json-schema";
import type { IHttpOperation } from "@stoplight/types";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Json = Record<string, unknown>;
const BUNDLE_ID = "https://wayfinder.invalid/test-bundle.json";

/**
 * Checks a mocked body against the response schema, independently of the mock's generator: the schema
 * Prism's operation carries (refs bundled into `__bundled__`), converted from OpenAPI 2.0/3.0 to JSON
 * Schema (nullable, exclusive bounds) by @openapi-contrib/openapi-schema-to-json-schema, or taken as it
 * is for 3.1 (JSON Schema 2020-12). Formats are checked, unknown ones ignored.
 */
export function responseValidator(document: Json) {
  const is31 = typeof document.openapi === "string" && document.openapi.startsWith("3.1");
  const ajv = is31 ? new Ajv2020({ strict: false, logger: false, unicodeRegExp: false }) : new Ajv({ strict: false, logger: false, unicodeRegExp: false });
  addFormats(ajv);
  const compiled = new Map<unknown, ReturnType<Ajv["compile"]>>();
  const convertSchema = (schema: unknown) =>
    is31 ? schema : convert(schema as never, { cloneSchema: true, strictMode: false, supportPatternProperties: true } as never);
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
