import type { IHttpOperation } from "@stoplight/types";
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { documentRegExpEngine } from "@/lib/platform/security/document-regexp";
import { isOpenApi31, toJsonSchema } from "@/lib/openapi/to-json-schema";

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Checker {
  ajv: Ajv;
  compiled: WeakMap<object, ValidateFunction>;
}

/** Where the shared components live for Ajv: compiled once per document, not once per response. */
const BUNDLE_ID = "https://wayfinder.invalid/mock-bundle.json";
const checkers = new WeakMap<object, Checker>();

function checkerFor(document: Json, operation: IHttpOperation & { __bundled__?: Json }): Checker {
  const key = operation.__bundled__ ?? document;
  let checker = checkers.get(key);
  if (!checker) {
    const is31 = isOpenApi31(document);
    // Documents' regular expressions run on the linear-time engine (lib/platform/security/document-regexp.ts).
    const options = { strict: false, logger: false, unicodeRegExp: false, code: { regExp: documentRegExpEngine } } as const;
    const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    const bundled = Object.fromEntries(Object.entries(operation.__bundled__ ?? {}).map(([name, schema]) => [name, toJsonSchema(schema, is31)]));
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
  const checker = checkerFor(document, operation as IHttpOperation & { __bundled__?: Json });
  let validate = checker.compiled.get(schema);
  if (!validate) {
    const is31 = isOpenApi31(document);
    const { $schema: _dialect, ...root } = toJsonSchema(schema, is31) as Json;
    try {
      validate = checker.ajv.compile(JSON.parse(JSON.stringify(root).replace(/"#\/(__bundled__|paths)\//g, `"${BUNDLE_ID}#/$1/`)) as Json);
    } catch {
      // A schema Ajv cannot compile says nothing about the example: serve it.
      return null;
    }
    checker.compiled.set(schema, validate);
  }
  if (validate(body)) return null;
  const [first] = validate.errors ?? [];
  return first ? `${first.instancePath || "the body"} ${first.message ?? "is invalid"}` : "it is invalid";
}
