// The official-schema validator (@seriousme/openapi-schema-validator) compiles each OpenAPI version's
// JSON Schema with Ajv the first time it is used: ~150-250 ms on every run of the `wayfinder` command
// that validates (diff, lint, check, publish). The command's build compiles them ahead of time instead,
// into Ajv's standalone code, set up as the library sets up its own Ajv (getAjvValidator in its
// index.js: the class for the schema's draft, strict off, ajv-formats, the `media-range` format).
// test/unit/validator-code.test.ts checks the code finds what the library finds, over every fixture.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const library = createRequire(import.meta.url).resolve("@seriousme/openapi-schema-validator");
/** The validator library's folder: its Ajv is the one the code is generated with, and the code's require()s resolve from there. */
export const validatorFolder = path.dirname(library);
const fromLibrary = createRequire(library);

/** The versions the library ships a schema for. */
export const VALIDATOR_VERSIONS = ["2.0", "3.0", "3.1", "3.2"];

const ajvForDraft = {
  "http://json-schema.org/draft-04/schema#": "ajv-draft-04",
  "https://json-schema.org/draft/2020-12/schema": "ajv/dist/2020.js",
};

/** Ajv's standalone ES module code for one version's schema (its default export is the validate function). */
export function validatorCode(version, options) {
  const schema = JSON.parse(readFileSync(path.join(validatorFolder, `schemas/v${version}/schema.json`), "utf8"));
  const draft = ajvForDraft[schema.$schema];
  if (!draft) throw new Error(`The ${version} schema's draft (${schema.$schema}) is not one scripts/validator-code.mjs knows`);
  const loaded = fromLibrary(draft);
  const Ajv = loaded.default ?? loaded;
  const ajv = new Ajv({ ...options, strict: false, code: { source: true, esm: true } });
  const formats = fromLibrary("ajv-formats");
  (formats.default ?? formats)(ajv);
  ajv.addFormat("media-range", true);
  const standalone = fromLibrary("ajv/dist/standalone/index.js");
  return (standalone.default ?? standalone)(ajv, ajv.compile(schema));
}
