import type { IHttpOperation } from "@stoplight/types";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { documentRegExpEngine } from "@/lib/platform/security/document-regexp";
import { isOpenApi31, toJsonSchema } from "@/lib/openapi/to-json-schema";

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Checker {
  ajv: Ajv;
  compiled: WeakMap<object, ValidateFunction | null>;
}

/** Keywords whose values are data, not schemas: never walked into. */
const DATA_KEYWORDS = new Set(["enum", "const", "example", "examples", "default"]);

/** A schema rebuilt bottom-up, `fix` applied to every schema object in it (data keywords left as they are). */
function eachSchema(node: unknown, fix: (schema: Json) => void): unknown {
  if (Array.isArray(node)) return node.map((item) => eachSchema(item, fix));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) out[key] = DATA_KEYWORDS.has(key) ? value : eachSchema(value, fix);
  fix(out);
  return out;
}

/**
 * What real documents write that Ajv refuses to compile, read as their authors meant it: `nullable`
 * without `type` (no effect, says OpenAPI 3.0.3; Ajv refuses it), 3.0's boolean `exclusiveMinimum`
 * left in a 3.1 document, and a name listed twice under `required`.
 */
const compilable = (node: unknown) =>
  eachSchema(node, (out) => {
    if ("nullable" in out && out.type === undefined) delete out.nullable;
    if (Array.isArray(out.required)) out.required = [...new Set(out.required)];
    for (const [exclusive, bound] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const)
      if (typeof out[exclusive] === "boolean") {
        if (out[exclusive] && typeof out[bound] === "number") {
          out[exclusive] = out[bound];
          delete out[bound];
        } else delete out[exclusive];
      }
  });

/**
 * A schema as a response sees it: a required `writeOnly` property (a password) is required in requests
 * only (OpenAPI 3.0.3, "writeOnly"), so a response may leave it out. Read before the conversion to
 * JSON Schema, which drops the keyword; every schema checked here is a response's.
 */
const asResponse = (node: unknown) =>
  eachSchema(node, (out) => {
    if (!Array.isArray(out.required) || !out.properties || typeof out.properties !== "object") return;
    const properties = out.properties as Record<string, { writeOnly?: unknown } | undefined>;
    out.required = out.required.filter((name) => properties[name as string]?.writeOnly !== true);
  });

/** Where the shared components live for Ajv: compiled once per document, not once per response. */
const BUNDLE_ID = "https://wayfinder.invalid/mock-bundle.json";
const checkers = new WeakMap<object, Checker>();

function checkerFor(document: Json, operation: IHttpOperation & { __bundled__?: Json }): Checker {
  const key = operation.__bundled__ ?? document;
  let checker = checkers.get(key);
  if (!checker) {
    const is31 = isOpenApi31(document);
    // Documents' regular expressions run on the linear-time engine (lib/platform/security/document-regexp.ts).
    // allErrors: a conformance report lists every mismatch; the mock's example check reads the first.
    const options = { strict: false, allErrors: true, logger: false, unicodeRegExp: false, code: { regExp: documentRegExpEngine } } as const;
    const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    const bundled = Object.fromEntries(
      Object.entries(operation.__bundled__ ?? {}).map(([name, schema]) => [name, compilable(toJsonSchema(asResponse(schema) as Json, is31))]),
    );
    // `paths` too: bundling can leave a $ref into another operation's response (DigitalOcean has them).
    ajv.addSchema({ $id: BUNDLE_ID, __bundled__: bundled, paths: document.paths });
    checker = { ajv, compiled: new WeakMap() };
    checkers.set(key, checker);
  }
  return checker;
}

/**
 * Why a body does not match the response schema Prism's operation carries, or null when it does.
 * The mock asks this of a document's own example before serving it (Slack's and Twilio's documents
 * have examples that break their own schemas); Prism's own response check lets `format` through.
 */
export function schemaProblem(document: Json, operation: IHttpOperation, schema: Json, body: unknown): string | null {
  const errors = schemaErrors(document, operation, schema, body);
  // A schema Ajv cannot compile says nothing about the example: serve it.
  if (errors === "uncompilable" || !errors.length) return null;
  const [first] = errors;
  return `${first!.instancePath || "the body"} ${first!.message ?? "is invalid"}`;
}

/**
 * Every way a body misses a schema of Prism's operation (its local `$ref`s into the bundle and the
 * document resolved), as Ajv reports them; "uncompilable" when Ajv cannot compile the schema, which a
 * caller must say rather than take as a pass. Compiled once per schema and kept.
 */
export function schemaErrors(document: Json, operation: IHttpOperation, schema: Json, body: unknown): ErrorObject[] | "uncompilable" {
  const checker = checkerFor(document, operation as IHttpOperation & { __bundled__?: Json });
  let validate = checker.compiled.get(schema);
  if (validate === undefined) {
    const is31 = isOpenApi31(document);
    const { $schema: _dialect, ...root } = compilable(toJsonSchema(asResponse(schema) as Json, is31)) as Json;
    try {
      validate = checker.ajv.compile(JSON.parse(JSON.stringify(root).replace(/"#\/(__bundled__|paths)\//g, `"${BUNDLE_ID}#/$1/`)) as Json);
    } catch {
      validate = null;
    }
    checker.compiled.set(schema, validate);
  }
  if (!validate) return "uncompilable";
  return validate(body) ? [] : [...(validate.errors ?? [])];
}
