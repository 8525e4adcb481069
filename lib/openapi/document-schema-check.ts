import { dereference, validate, type Schema } from "@cfworker/json-schema";
import { isOpenApi31, toJsonSchema } from "@/lib/openapi/to-json-schema";

type Json = Record<string, unknown>;

/** Where the document's own sections live for the validator, so a schema checked alone finds its `$ref`s. */
const DOCUMENT_ID = "https://wayfinder.invalid/document.json";

/**
 * Drops what the check must not evaluate: `pattern` and `patternProperties` are the document's regular
 * expressions, which this validator would run on the backtracking engine (in the browser's tab or the
 * server's event loop); the values samples make already match their patterns on RE2JS (pattern-examples.ts).
 * Examples and extensions go too (data the validator would otherwise walk for schema ids).
 */
function checkable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(checkable);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    // Examples and extensions are data, not schemas: the validator would read an `id` in them as a schema's.
    if (key === "pattern" || key === "patternProperties" || key === "example" || key === "examples" || key.startsWith("x-")) continue;
    out[key] = key === "enum" || key === "const" || key === "default" ? value : checkable(value);
  }
  return out;
}

/** Local `$ref`s pointed at the registered document. */
function relocate(schema: unknown): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${DOCUMENT_ID}#/`)) as Json;
}

/** Checks one value against one schema of a document. */
export type SchemaCheck = (value: unknown) => ReturnType<typeof validate>;
type Lookup = Record<string, Schema | boolean>;

/**
 * What the validator is given to check a value against `schema`: the schema itself, the document's
 * sections its `$ref`s point into (under DOCUMENT_ID), both without what must not be evaluated, and
 * the dialect. Fresh objects on every call.
 */
export function validatorInputs(document: Json, schema: Json): { root: Schema; sections: Schema; draft: Draft } {
  const is31 = isOpenApi31(document);
  return { root: rootOf(schema, is31), sections: sectionsOf(document, is31), draft: draftOf(is31) };
}

type Draft = "2020-12" | "4";
const draftOf = (is31: boolean): Draft => (is31 ? "2020-12" : "4");

function rootOf(schema: Json, is31: boolean): Schema {
  const { $schema: _dialect, ...root } = toJsonSchema(schema, is31) as Json;
  return relocate(checkable(root)) as Schema;
}

function sectionsOf(document: Json, is31: boolean): Schema {
  const convert = (schemas: unknown) =>
    Object.fromEntries(Object.entries((schemas as Json | undefined) ?? {}).map(([name, item]) => [name, toJsonSchema(item, is31)]));
  const components = (document.components as Json | undefined) ?? {};
  return relocate(
    checkable({
      $id: DOCUMENT_ID,
      components: { ...components, schemas: convert(components.schemas) },
      definitions: convert(document.definitions),
      paths: document.paths,
    }),
  ) as Schema;
}

/**
 * Per document: every schema of its sections by URI, found by walking them once (null when they cannot
 * be read), and a check per schema. The validator's own `addSchema` walked the whole document again for
 * each schema: with it, pre-filling the request bodies of OpenAI's document took 2.4 s, of Wayfinder's own 0.12 s.
 */
const registered = new WeakMap<object, { lookup: Lookup | null; checks: WeakMap<object, SchemaCheck | null> }>();

/**
 * The check of values against `schema`, a schema of `document`, made once per schema; null when the
 * validator cannot read it (or the document's sections).
 */
export function schemaCheck(document: Json, schema: Json): SchemaCheck | null {
  const is31 = isOpenApi31(document);
  let entry = registered.get(document);
  if (!entry) {
    let lookup: Lookup | null = null;
    try {
      lookup = dereference(sectionsOf(document, is31));
    } catch {
      // Sections the validator cannot index (a duplicate `$id`, say) leave every schema of the document unchecked.
    }
    entry = { lookup, checks: new WeakMap() };
    registered.set(document, entry);
  }
  if (entry.checks.has(schema)) return entry.checks.get(schema)!;
  let check: SchemaCheck | null = null;
  if (entry.lookup)
    try {
      const root = rootOf(schema, is31);
      // The schema's own entries in a lookup of its own that falls back on the document's (its prototype).
      const lookup = dereference(root, Object.create(entry.lookup) as Lookup);
      check = (value) => validate(value, root, draftOf(is31), lookup, true);
    } catch {
      check = null;
    }
  entry.checks.set(schema, check);
  return check;
}

/**
 * Why a value does not match a schema of the document (its local `$ref`s into components, definitions
 * or paths followed), or null when it does, or when the schema cannot be read. Samples ask this of a
 * document's request example before showing it (Twilio's form examples hold "post_webhook_url" where a
 * URI goes) and of the bodies they generate. It runs in the browser too, under the portal's CSP (no
 * `eval`, unlike Ajv): @cfworker/json-schema interprets schemas; formats are checked, patterns are not.
 */
export function documentSchemaProblem(document: Json, schema: Json, value: unknown): string | null {
  const check = schemaCheck(document, schema);
  if (!check) return null;
  try {
    const result = check(value);
    if (result.valid) return null;
    // The deepest error names the field ("#/url: … format "uri""), the outer ones only that a subschema failed.
    const deepest = [...result.errors].sort((a, b) => b.instanceLocation.length - a.instanceLocation.length)[0];
    return deepest ? `${deepest.instanceLocation.replace(/^#/, "") || "the value"}: ${deepest.error}` : "it is invalid";
  } catch {
    // A schema the validator cannot read (a `$ref` to nowhere, found as the value reaches it) says nothing about the value.
    return null;
  }
}
