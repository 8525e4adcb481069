import { isPlainObject } from "@/lib/openapi/detect-format";
import { deref } from "@/lib/openapi/json-pointer";

type Json = Record<string, unknown>;

/** What a schema that refers back to itself becomes, until a parent can leave it out. */
const RECURSIVE = Symbol("recursive");
type Cut = Json | typeof RECURSIVE;

/** Marks the empty arrays recursion was cut at: their `example: []` is ours, not the document's. */
export const CUT_MARK = "x-wayfinder-cut";

/** More schema nodes than this in one response and the rest is left open (`{}`). */
const NODE_BUDGET = 50_000;

/**
 * Whether null is allowed. OpenAPI 3.0.3 says `nullable` takes effect only beside `type`, so a nullable
 * `anyOf` (Stripe writes many) is not taken as allowing null: dropping an optional property further
 * up is valid under either reading.
 */
const isNullable = (schema: Json) =>
  ((schema.nullable === true || schema["x-nullable"] === true) && schema.type !== undefined) || (Array.isArray(schema.type) && schema.type.includes("null"));

/**
 * A response schema with its local `$ref`s written out, ready for a sampler, and its recursion cut
 * off where the schema allows it: a recursive optional property is left out, a recursive `anyOf` or
 * `oneOf` option is skipped, a recursive nullable value becomes null and a recursive array stays empty.
 * Only the first usable `anyOf`/`oneOf` option is kept (the one a sampler takes). openapi-sampler on
 * its own answers a cycle with `{}`, which breaks the schema wherever the cycle's object has required
 * properties (Stripe's invoice → api_errors → payment_intent → api_errors).
 */
export function cutRecursion(schema: Json, document: Json): Json {
  let nodes = 0;
  const resolve = (ref: string): Json | undefined => {
    const target = deref(document, { $ref: ref });
    return isPlainObject(target) ? target : undefined;
  };

  const walk = (node: Json, stack: readonly string[]): Cut => {
    if ((nodes += 1) > NODE_BUDGET) return {};
    if (typeof node.$ref === "string") {
      if (stack.includes(node.$ref)) return RECURSIVE;
      const target = resolve(node.$ref);
      if (!target) return {};
      const { $ref: _ref, ...siblings } = node;
      const inner = walk(target, [...stack, node.$ref]);
      return inner === RECURSIVE ? (isNullable(siblings) ? { enum: [null] } : RECURSIVE) : { ...inner, ...siblings };
    }
    const out: Json = { ...node };
    for (const keyword of ["anyOf", "oneOf"] as const) {
      if (!Array.isArray(node[keyword])) continue;
      let chosen: Json | undefined;
      for (const option of node[keyword] as Json[]) {
        const cut = walk(option, stack);
        if (cut !== RECURSIVE) {
          chosen = cut;
          break;
        }
      }
      if (!chosen) return isNullable(node) ? { enum: [null] } : RECURSIVE;
      out[keyword] = [chosen];
    }
    if (Array.isArray(node.allOf)) {
      const parts = (node.allOf as Json[]).map((part) => walk(part, stack));
      if (parts.includes(RECURSIVE)) return isNullable(node) ? { enum: [null] } : RECURSIVE;
      out.allOf = parts;
    }
    if (node.properties && typeof node.properties === "object") {
      const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
      const properties: Json = {};
      for (const [name, property] of Object.entries(node.properties as Json)) {
        const cut = walk(property as Json, stack);
        if (cut !== RECURSIVE) properties[name] = cut;
        else if (required.has(name)) return isNullable(node) ? { enum: [null] } : RECURSIVE;
      }
      out.properties = properties;
    }
    if (node.items && typeof node.items === "object" && !Array.isArray(node.items)) {
      const cut = walk(node.items as Json, stack);
      if (cut === RECURSIVE) {
        if (Number(node.minItems ?? 0) > 0) return isNullable(node) ? { enum: [null] } : RECURSIVE;
        return { ...out, items: {}, example: [], [CUT_MARK]: true };
      }
      out.items = cut;
    }
    if (Array.isArray(node.items)) {
      const cut = (node.items as Json[]).map((item) => walk(item, stack));
      if (cut.includes(RECURSIVE)) return isNullable(node) ? { enum: [null] } : RECURSIVE;
      out.items = cut;
    }
    if (node.additionalProperties && typeof node.additionalProperties === "object") {
      const cut = walk(node.additionalProperties as Json, stack);
      if (cut === RECURSIVE) delete out.additionalProperties;
      else out.additionalProperties = cut;
    }
    return out;
  };

  const result = walk(schema, []);
  return result === RECURSIVE ? {} : result;
}
