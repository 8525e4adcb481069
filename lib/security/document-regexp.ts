import { RE2JS } from "re2js";

/**
 * Regular expressions written in published documents (`pattern`, `patternProperties`) are evaluated
 * here with RE2JS, a linear-time engine: V8's backtracking engine takes exponential time on patterns
 * such as `^(a+)+$`, and one such pattern in a mocked document froze the whole portal. RE2 refuses what
 * cannot run in linear time (backreferences, lookarounds) and repeat counts over 1,000; such a pattern
 * is not evaluated at all (a check against it passes, a generator ignores it) rather than evaluated
 * unbounded.
 * Used in the browser too (code samples are built there), so a reader's tab is safe as well.
 *
 * As a second line for regular expressions compiled by libraries we do not configure, the server
 * (scripts/serve.mjs) tells V8 to fall back to its breadth-first engine on excessive backtracking.
 */

/** Longer patterns are not evaluated: no real format needs more, and compiling them costs. */
export const MAX_DOCUMENT_PATTERN_LENGTH = 1_000;
const CACHE_SIZE = 2_000;
const compiled = new Map<string, RE2JS | null>();

/** The pattern compiled by RE2JS, or null when it cannot be evaluated in linear time (or at all). */
export function compileDocumentPattern(pattern: string): RE2JS | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let result: RE2JS | null = null;
  if (pattern.length <= MAX_DOCUMENT_PATTERN_LENGTH) {
    try {
      result = RE2JS.compile(pattern);
    } catch {
      result = null;
    }
  }
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
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
  return expression === null || expression.matcher(value).find();
}

interface RegExpLike {
  test: (value: string) => boolean;
}

/**
 * Ajv's `code.regExp` engine for schemas taken from documents: every `pattern` and `patternProperties`
 * key runs on RE2JS. Its `code` names it for Ajv's standalone mode, which Wayfinder does not use.
 */
export const documentRegExpEngine = Object.assign((pattern: string): RegExpLike => ({ test: (value: string) => matchesDocumentPattern(pattern, value) }), {
  code: "wayfinder/document-regexp",
});
