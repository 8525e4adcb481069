import { sample } from "openapi-sampler";
import RandExp from "randexp";

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

/** A string matching `pattern` within the length bounds, or undefined when none is found in a few tries. */
export function stringForPattern(pattern: string, minLength = 0, maxLength = Infinity): string | undefined {
  let expression: RegExp;
  try {
    expression = new RegExp(pattern);
  } catch {
    return undefined;
  }
  const generator = new RandExp(expression);
  generator.max = Math.max(4, Math.min(maxLength, 12));
  const random = seeded(pattern);
  generator.randInt = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const fits = (candidate: string) => candidate.length >= minLength && candidate.length <= maxLength && expression.test(candidate);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const candidate = generator.gen();
    if (fits(candidate)) return candidate;
  }
  // randexp ignores lookaheads (zod writes `(?=^https?://…)(?=…)` for URLs): try the usual shapes.
  return WELL_KNOWN.find(fits);
}

/**
 * Gives every patterned string in a (recursion-free) schema an example that matches its pattern.
 * openapi-sampler writes a pattern's quantifiers literally (`^[CGD][A-Z0-9]{8,}$` became "CA{8,}");
 * randexp reads the expression properly. An example the document gives is kept if it matches.
 */
export function addPatternExamples(schema: Json): Json {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== "object") return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node as Json)) out[key] = key === "enum" || key === "example" || key === "default" ? value : visit(value);
    const stringy = out.type === undefined || out.type === "string" || (Array.isArray(out.type) && out.type.includes("string"));
    if (typeof out.pattern === "string" && out.enum === undefined && stringy) {
      const given = out.example;
      const fits =
        typeof given === "string" &&
        (() => {
          try {
            return new RegExp(out.pattern as string).test(given);
          } catch {
            return true;
          }
        })();
      // A format's usual sample (an email, a URL) when it also fits the pattern: randexp knows no formats.
      const formatted = typeof out.format === "string" && !fits ? sample({ type: "string", format: out.format } as never) : undefined;
      if (typeof formatted === "string" && new RegExp(out.pattern as string).test(formatted)) out.example = formatted;
      else if (!fits) {
        const made = stringForPattern(out.pattern, Number(out.minLength ?? 0), out.maxLength === undefined ? Infinity : Number(out.maxLength));
        if (made !== undefined) out.example = made;
      }
    }
    return out;
  };
  return visit(schema) as Json;
}
