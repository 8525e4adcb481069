import { isPlainObject } from "./detect-format";
import { pointerKeys, resolvePointer } from "./json-pointer";

type Json = Record<string, unknown>;

export interface InlineResult {
  value: unknown;
  /** How many levels of schema references were expanded (the rest are stubs). */
  depth: number;
  /** Objects and arrays in the result. */
  nodes: number;
  /** Roughly the size of the result as JSON text (16 per object or array, plus its strings' lengths). */
  weight: number;
  /** Schema references left as stubs because they were nested deeper than `depth`, or circular. */
  stubs: number;
}

class OverBudget extends Error {}

/**
 * What the keys of an object are: keywords (a schema, an operation), names (`properties`,
 * `responses`: `default` there is a response, not data), or an Example object (whose `value` is data).
 */
type Context = "keywords" | "names" | "example";
/** Keywords whose values are data: never resolved, even where they hold a `$ref` key. */
const dataKeywords = new Set(["example", "default", "const", "enum"]);
const namedMaps = new Set([
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "responses",
  "headers",
  "content",
  "encoding",
  "links",
  "callbacks",
  "schemas",
  "securitySchemes",
  "variables",
  "mapping",
]);

const isSchemaRef = (ref: string) => /^#\/(components\/schemas|definitions)\//.test(ref);
const refName = (ref: string) => pointerKeys(ref).at(-1) ?? ref;

/**
 * A schema not expanded here, named as swagger-client names resolved schemas (`$$ref`), so Swagger UI
 * shows its name; its own description says where it is expanded.
 */
function stub(root: Json, ref: string, why: "deep" | "circular"): Json {
  const schema = resolvePointer(root, ref);
  const type = isPlainObject(schema) && typeof schema.type === "string" ? schema.type : "object";
  const description = isPlainObject(schema) && typeof schema.description === "string" ? `${schema.description}\n\n` : "";
  const note = why === "circular" ? "Refers back to a schema above." : "Nested too deep to expand here: the full document has it under";
  return { type, title: refName(ref), description: `${description}*${note}${why === "deep" ? ` \`${ref.slice(2)}\`` : ""}.*`, $$ref: ref };
}

function inlineAt(root: Json, value: unknown, maxDepth: number, budget: number): InlineResult {
  let nodes = 0;
  let weight = 0;
  let stubs = 0;
  const count = (amount: number) => {
    weight += amount;
    if (weight > budget) throw new OverBudget();
  };
  const walk = (node: unknown, depth: number, chain: readonly string[], context: Context = "keywords"): unknown => {
    if (typeof node === "string") count(node.length);
    if (Array.isArray(node)) {
      nodes++;
      count(16);
      return node.map((item) => walk(item, depth, chain));
    }
    if (!isPlainObject(node)) return node;
    nodes++;
    count(16);
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
      const ref = node.$ref;
      const schema = isSchemaRef(ref);
      if (chain.includes(ref) || (schema && depth >= maxDepth)) {
        stubs++;
        return stub(root, ref, chain.includes(ref) ? "circular" : "deep");
      }
      const resolved = resolvePointer(root, ref);
      if (resolved === undefined) return node;
      const { $ref: _ref, ...siblings } = node;
      const inlined = walk(resolved, schema ? depth + 1 : depth, [...chain, ref], context);
      // OpenAPI 3.1 lets a $ref have siblings (description, summary): they win over the target's.
      return isPlainObject(inlined) ? { ...inlined, ...(walk(siblings, depth, chain) as Json), ...(schema ? { $$ref: ref } : {}) } : inlined;
    }
    const out: Json = {};
    for (const [key, child] of Object.entries(node)) {
      count(key.length);
      if (context === "names") out[key] = walk(child, depth, chain);
      else if (context === "example" && key === "value") out[key] = child;
      else if (dataKeywords.has(key) || (key === "examples" && Array.isArray(child))) out[key] = child;
      else if (key === "examples")
        out[key] = isPlainObject(child)
          ? Object.fromEntries(Object.entries(child).map(([name, example]) => [name, walk(example, depth, chain, "example")]))
          : child;
      else out[key] = walk(child, depth, chain, namedMaps.has(key) ? "names" : "keywords");
    }
    return out;
  };
  const result = walk(value, 0, []);
  return { value: result, depth: maxDepth, nodes, weight, stubs };
}

/**
 * Replaces every local `$ref` in `value` with what it points to, so that Swagger UI has nothing left
 * to resolve. Swagger UI (swagger-client's resolveSubtree) expands every reference of an operation
 * it opens without bound: Stripe's `GET /v1/customers/{customer}` becomes 6.2 million nodes and 25 s
 * in Node, and the page freezes. Here schema references are expanded as deep as keeps the result
 * within `budget` (about that many characters of JSON; at most `maxDepth` levels); deeper ones and
 * circular ones become named stubs.
 * Examples, defaults and enums are data, never resolved (but a `default` response is).
 */
export function inlineRefs(root: Json, value: unknown, options: { budget?: number; maxDepth?: number } = {}): InlineResult {
  const budget = options.budget ?? 150_000;
  for (let depth = options.maxDepth ?? 6; depth > 0; depth--) {
    try {
      return inlineAt(root, value, depth, budget);
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
    }
  }
  return inlineAt(root, value, 0, Number.POSITIVE_INFINITY);
}
