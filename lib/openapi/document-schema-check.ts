import { Validator, type Schema } from "@cfworker/json-schema";
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

const registered = new WeakMap<object, { sections: Json; cache: WeakMap<object, Validator> }>();

/**
 * Why a value does not match a schema of the document (its local `$ref`s into components, definitions
 * or paths followed), or null when it does, or when the schema cannot be read. Samples ask this of a
 * document's request example before showing it (Twilio's form examples hold "post_webhook_url" where a
 * URI goes) and of the bodies they generate. It runs in the browser too, under the portal's CSP (no
 * `eval`, unlike Ajv): @cfworker/json-schema interprets schemas; formats are checked, patterns are not.
 */
export function documentSchemaProblem(document: Json, schema: Json, value: unknown): string | null {
  const is31 = isOpenApi31(document);
  let entry = registered.get(document);
  if (!entry) {
    const convert = (schemas: unknown) =>
      Object.fromEntries(Object.entries((schemas as Json | undefined) ?? {}).map(([name, item]) => [name, toJsonSchema(item, is31)]));
    const components = (document.components as Json | undefined) ?? {};
    const sections = relocate(
      checkable({
        $id: DOCUMENT_ID,
        components: { ...components, schemas: convert(components.schemas) },
        definitions: convert(document.definitions),
        paths: document.paths,
      }),
    );
    entry = { sections, cache: new WeakMap() };
    registered.set(document, entry);
  }
  try {
    let validator = entry.cache.get(schema);
    if (!validator) {
      const { $schema: _dialect, ...root } = toJsonSchema(schema, is31) as Json;
      validator = new Validator(relocate(checkable(root)) as Schema, is31 ? "2020-12" : "4", true);
      validator.addSchema(entry.sections as Schema, DOCUMENT_ID);
      entry.cache.set(schema, validator);
    }
    const result = validator.validate(value);
    if (result.valid) return null;
    // The deepest error names the field ("#/url: … format "uri""), the outer ones only that a subschema failed.
    const deepest = [...result.errors].sort((a, b) => b.instanceLocation.length - a.instanceLocation.length)[0];
    return deepest ? `${deepest.instanceLocation.replace(/^#/, "") || "the value"}: ${deepest.error}` : "it is invalid";
  } catch {
    // A schema the validator cannot read says nothing about the value.
    return null;
  }
}
