import { sample } from "openapi-sampler";
import RandExp from "randexp";
import { boundedMemo } from "@/lib/platform/bounded-memo";
import { isEvaluablePattern, matchesDocumentPattern } from "@/lib/platform/security/document-regexp";
import { realisticString } from "./realistic-values";

type Json = Record<string, unknown>;

/** A small seeded generator (mulberry32): the same pattern gives the same string on every call. */
function seeded(text: string): () => number {
  let state = [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WELL_KNOWN = ["https://example.com/resource", "https://example.com", "user@example.com", "2026-01-01", "2026-01-01T00:00:00Z", "example", "a1", "1"];

/** The longest string randexp makes for an unbounded repetition; bounded ones are capped by RE2's limit of 1,000. */
const MAX_GENERATED_REPEAT = 12;

/**
 * A string matching every one of `patterns` within the length bounds, or undefined when none is found in a
 * few tries. Only patterns the linear-time engine accepts are generated from or checked (RE2 refuses
 * repeat counts over 1,000, so `a{100000000}` is never expanded); the others make this give up.
 */
export function stringForPatterns(patterns: string[], minLength = 0, maxLength = Infinity): string | undefined {
  // The same patterns always give the same string (the generator is seeded by them): a document repeats
  // its patterns across operations (Wayfinder's own, its slugs), and generating took ~40% of pre-filling its bodies.
  const key = `${JSON.stringify(patterns)}|${minLength}|${maxLength}`;
  if (generated.has(key)) return generated.get(key);
  const made = generate(patterns, minLength, maxLength);
  // Bounded in entries and in each entry's size: patterns are a published document's (the mock
  // generates for anyone), and no real format needs more than a few hundred characters.
  if (key.length <= MAX_CACHED_LENGTH && (made?.length ?? 0) <= MAX_CACHED_LENGTH) generated.set(key, made);
  return made;
}

const MAX_CACHED_LENGTH = 2_000;
const generated = boundedMemo<string | undefined>(2_000);

function generate(patterns: string[], minLength: number, maxLength: number): string | undefined {
  if (!patterns.every(isEvaluablePattern)) return undefined;
  let expressions: RegExp[];
  try {
    expressions = patterns.map((pattern) => new RegExp(pattern));
  } catch {
    return undefined;
  }
  const fits = (candidate: string) =>
    candidate.length >= minLength && candidate.length <= maxLength && patterns.every((pattern) => matchesDocumentPattern(pattern, candidate));
  for (const [index, expression] of expressions.entries()) {
    // randexp only reads the expression's syntax tree (it never executes it), so the V8 object is safe here.
    const generator = new RandExp(expression);
    generator.max = Math.max(4, Math.min(maxLength, MAX_GENERATED_REPEAT));
    const random = seeded(patterns[index]!);
    generator.randInt = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const candidate = generator.gen();
      if (fits(candidate)) return candidate;
    }
  }
  // randexp ignores lookaheads (zod writes `(?=^https?://…)(?=…)` for URLs): try the usual shapes.
  return WELL_KNOWN.find(fits);
}

/** A string matching `pattern` within the length bounds, or undefined. */
export function stringForPattern(pattern: string, minLength = 0, maxLength = Infinity): string | undefined {
  return stringForPatterns([pattern], minLength, maxLength);
}

/**
 * Gives every patterned string in a (recursion-free) schema an example that matches its pattern, and every
 * string whose format or property name says what it holds a realistic one (realistic-values.ts).
 * openapi-sampler writes a pattern's quantifiers literally (`^[CGD][A-Z0-9]{8,}$` became "CA{8,}");
 * randexp reads the expression properly. An example, default, enum or const the document gives is kept
 * (a patterned example only if it matches).
 */
export function addPatternExamples(schema: Json): Json {
  const visit = (node: unknown, name?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item));
    if (!node || typeof node !== "object") return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node as Json))
      out[key] =
        // Data, not schemas: an example payload may well hold `"type": "string"`.
        key === "enum" || key === "example" || key === "examples" || key === "default" || key === "const" || key.startsWith("x-")
          ? value
          : key === "properties" && value && typeof value === "object" && !Array.isArray(value)
            ? Object.fromEntries(Object.entries(value as Json).map(([property, child]) => [property, visit(child, property)]))
            : // A nullable or composed value (`anyOf: [{ type: string, … }, { type: null }]`) keeps its property's name.
              (key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)
              ? value.map((branch) => visit(branch, name))
              : visit(value);
    const stringy = out.type === undefined || out.type === "string" || (Array.isArray(out.type) && out.type.includes("string"));
    // Patterns side by side in allOf (zod writes URLs so) must hold at once: one example for all, on the parent.
    const parts = Array.isArray(out.allOf) ? (out.allOf as Json[]) : [];
    const patterns = [out.pattern, ...parts.map((part) => part?.pattern)].filter((pattern): pattern is string => typeof pattern === "string");
    if (patterns.length && out.enum === undefined && stringy) {
      const given = out.example;
      const matchesAll = (value: string) => patterns.every((pattern) => matchesDocumentPattern(pattern, value));
      const fits = typeof given === "string" && matchesAll(given);
      // A realistic value (an email, a URL) when it also fits the patterns: randexp knows no formats.
      const realistic = fits ? undefined : realisticString(out, name);
      const formatted = typeof out.format === "string" && !fits && !realistic ? sample({ type: "string", format: out.format } as never) : undefined;
      const minLength = Number(out.minLength ?? 0);
      const maxLength = out.maxLength === undefined ? Infinity : Number(out.maxLength);
      if (realistic !== undefined && matchesAll(realistic)) out.example = realistic;
      else if (typeof formatted === "string" && matchesAll(formatted)) out.example = formatted;
      else if (!fits) {
        const made = stringForPatterns(patterns, minLength, maxLength);
        if (made !== undefined) out.example = made;
      }
      if (parts.length) out.allOf = parts.map(({ example: _example, ...part }) => part);
      // openapi-sampler would expand a pattern itself: one the linear-time engine refuses is not its to read.
      if (!patterns.every(isEvaluablePattern)) {
        delete out.pattern;
        if (parts.length) out.allOf = (out.allOf as Json[]).map(({ pattern: _pattern, ...part }) => part);
      }
    } else if (isPlainString(out) && out.example === undefined && out.default === undefined && out.enum === undefined && out.const === undefined) {
      const realistic = realisticString(out, name);
      if (realistic !== undefined) out.example = realistic;
    }
    return out;
  };
  return visit(schema) as Json;
}

/** A schema that says it is a string (by its type, or by a format with no type), not any object. */
function isPlainString(schema: Json): boolean {
  if (schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"))) return true;
  return schema.type === undefined && typeof schema.format === "string" && schema.properties === undefined && schema.$ref === undefined;
}
