import { RE2JS } from "re2js";
import { boundedMemo } from "@/lib/platform/bounded-memo";

/**
 * Regular expressions written in published documents (`pattern`, `patternProperties`) are evaluated
 * here with RE2JS, a linear-time engine: V8's backtracking engine takes exponential time on patterns
 * such as `^(a+)+$`, and one such pattern in a mocked document froze the whole portal. RE2 refuses what
 * cannot run in linear time (backreferences, lookarounds) and repeat counts over 1,000; such a pattern
 * is not evaluated at all (a check against it passes, a generator ignores it) rather than evaluated
 * unbounded. One shape with lookaheads is read exactly (anchored conjunctions, as zod writes URLs).
 * Used in the browser too (code samples are built there), so a reader's tab is safe as well.
 *
 * As a second line for regular expressions compiled by libraries we do not configure, the server
 * (scripts/serve.mjs) tells V8 to fall back to its breadth-first engine on excessive backtracking.
 */

/** Longer patterns are not evaluated: no real format needs more, and compiling them costs. */
export const MAX_DOCUMENT_PATTERN_LENGTH = 1_000;
const CACHE_SIZE = 2_000;

/** A document's pattern, ready to test values with. */
export interface DocumentPattern {
  test(value: string): boolean;
}

const compiled = boundedMemo<DocumentPattern | null>(CACHE_SIZE);

function re2(pattern: string): DocumentPattern | null {
  try {
    const expression = RE2JS.compile(pattern);
    return { test: (value) => expression.matcher(value).find() };
  } catch {
    return null;
  }
}

/**
 * `(?=^A)(?=^B)…` and nothing else, as zod writes a URL's rules, split into A, B, …: lookaheads are
 * beyond RE2, but a sequence of them anchored at the start holds exactly when each one matches from
 * the start on its own. Null for any other shape.
 */
function anchoredLookaheads(pattern: string): string[] | null {
  const parts: string[] = [];
  let index = 0;
  while (index < pattern.length) {
    if (!pattern.startsWith("(?=^", index)) return null;
    let depth = 0;
    let inClass = false;
    let end = -1;
    for (let at = index; at < pattern.length; at += 1) {
      const char = pattern[at];
      if (char === "\\") {
        at += 1;
        continue;
      }
      if (inClass) {
        if (char === "]") inClass = false;
        continue;
      }
      if (char === "[") inClass = true;
      else if (char === "(") depth += 1;
      else if (char === ")" && --depth === 0) {
        end = at;
        break;
      }
    }
    if (end < 0) return null;
    parts.push(pattern.slice(index + 3, end));
    index = end + 1;
  }
  return parts.length ? parts : null;
}

/** The pattern ready to test with, or null when it cannot be evaluated in linear time (or at all). */
export function compileDocumentPattern(pattern: string): DocumentPattern | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let result: DocumentPattern | null = null;
  if (pattern.length <= MAX_DOCUMENT_PATTERN_LENGTH) {
    result = re2(pattern);
    const parts = result ? null : anchoredLookaheads(pattern);
    if (parts) {
      const each = parts.map(re2);
      if (each.every((part): part is DocumentPattern => part !== null)) result = { test: (value) => each.every((part) => part.test(value)) };
    }
  }
  compiled.set(pattern, result);
  return result;
}

/** Whether a document's pattern can be evaluated safely. */
export function isEvaluablePattern(pattern: string): boolean {
  return compileDocumentPattern(pattern) !== null;
}

/** Whether `value` matches `pattern` (searching, as ECMAScript's `test` does); true when the pattern cannot be evaluated. */
export function matchesDocumentPattern(pattern: string, value: string): boolean {
  const expression = compileDocumentPattern(pattern);
  return expression === null || expression.test(value);
}

interface RegExpLike {
  test: (value: string) => boolean;
  toString: () => string;
}

/**
 * Ajv's `code.regExp` engine for schemas taken from documents: every `pattern` and `patternProperties`
 * key runs on RE2JS. Its `code` names it for Ajv's standalone mode, which Wayfinder does not use. Ajv
 * keeps compiled patterns by their `toString()`, so each must print as its own pattern (an object's
 * default "[object Object]" made every pattern of a document the first one it compiled).
 */
export const documentRegExpEngine = Object.assign(
  (pattern: string): RegExpLike => ({ test: (value: string) => matchesDocumentPattern(pattern, value), toString: () => `/${pattern}/` }),
  { code: "wayfinder/document-regexp" },
);
