import { sample } from "openapi-sampler";
import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";
import { CUT_MARK, cutRecursion } from "@/lib/try-it/samples/cut-recursion";
import { addPatternExamples } from "@/lib/try-it/samples/pattern-examples";

type Json = Record<string, unknown>;

/** The object a value or its local `$ref`s name (a path item or a response may be a reference). */
function objectAt(document: Json, value: unknown): Json | undefined {
  const resolved = deref(document, value);
  return isPlainObject(resolved) ? resolved : undefined;
}

/** The document's own schema for one response body, where the mock generates data from. */
export function responseSchema(document: Json, path: string, method: string, code: string, mediaType: string): Json | undefined {
  const operation = objectAt(document, objectAt(document, (document.paths as Json | undefined)?.[path])?.[method]);
  const response = objectAt(document, (operation?.responses as Json | undefined)?.[code]);
  if (!response) return undefined;
  if (document.swagger) return response.schema as Json | undefined;
  return ((response.content as Json | undefined)?.[mediaType] as Json | undefined)?.schema as Json | undefined;
}

/**
 * Data generated from a response schema that validates against it: openapi-sampler honours formats,
 * enums, bounds, patterns and the composition keywords, and cuts recursion off. Prism's own static
 * sampler writes "string" for every string, whatever its pattern or format, so its bodies fail their
 * own schemas (the demo's order responses, whose country must match ^[A-Z]{2}$, did). Recursion is
 * cut off first (cut-recursion.ts) and patterns get examples from randexp (pattern-examples.ts).
 */
export function sampleBody(document: Json, schema: Json, options: { ignoreExamples?: boolean } = {}): unknown {
  const cut = withRequiredProperties(withoutNullDefaults(cutRecursion(schema, document)));
  return sample(
    addPatternExamples(options.ignoreExamples ? withoutExamples(cut) : cut) as never,
    // The depth is bounded by cutting recursion; the sampler's own limit (15) would answer {} deeper down.
    { skipReadOnly: false, skipWriteOnly: true, skipNonRequired: false, quiet: true, enablePatterns: true, maxSampleDepth: 100 } as never,
    document as never,
  );
}

/**
 * `default: null` beside a `$ref` or a type that is not null (OpenAI writes `{ default: null, $ref: … }`
 * as one branch of an `anyOf` with `null`): the sampler would take the null default as the object's
 * and write `{}`, which its required properties fail. Such a default describes the other branch.
 */
function withoutNullDefaults(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutNullDefaults) as never;
  if (!node || typeof node !== "object") return node as never;
  const schema = node as Json;
  const nullable = schema.type === "null" || (Array.isArray(schema.type) && schema.type.includes("null")) || schema.nullable === true;
  const stray = schema.default === null && !nullable && (schema.$ref !== undefined || schema.type !== undefined || schema.properties !== undefined);
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "default" && stray) continue;
    out[key] = key === "enum" || key === "example" || key === "default" || key === "const" ? value : withoutNullDefaults(value);
  }
  return out;
}

/**
 * An object's required properties that `properties` does not describe (DigitalOcean requires a
 * Logtail `endpoint` it never defines) get an open schema, so the sampler writes them: a body without
 * them would break the schema it was made from.
 */
function withRequiredProperties(node: unknown, merged = false): Json {
  if (Array.isArray(node)) return node.map((item) => withRequiredProperties(item, merged)) as never;
  if (!node || typeof node !== "object") return node as never;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json))
    out[key] =
      key === "enum" || key === "example" || key === "examples" || key === "default" || key === "const"
        ? value
        : // An allOf member's required names may be described by a sibling member: left as they are.
          withRequiredProperties(value, key === "allOf");
  if (!merged && Array.isArray(out.required) && out.required.length && out.type === "object" && out.properties && !out.allOf) {
    const properties = { ...(out.properties as Json) };
    for (const name of out.required) if (typeof name === "string" && !(name in properties)) properties[name] = { type: "string" };
    out.properties = properties;
  }
  return out;
}

/** The schema without the document's own `example`s, for when one of them breaks the schema it sits in. */
function withoutExamples(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutExamples) as never;
  if (!node || typeof node !== "object") return node as never;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if ((key === "example" || key === "examples") && !(node as Json)[CUT_MARK]) continue;
    out[key] = key === "enum" || key === "default" || key === "const" ? value : withoutExamples(value);
  }
  return out;
}
