import { describe, expect, it } from "vitest";
import { addPatternExamples, stringForPattern } from "@/lib/try-it/samples/pattern-examples";
import { compileDocumentPattern, documentRegExpEngine, isEvaluablePattern, matchesDocumentPattern } from "@/lib/platform/security/document-regexp";

describe("documents' regular expressions", () => {
  it("run in linear time: a pattern that backtracks exponentially in V8 answers at once", () => {
    // V8 takes minutes on this input (2^48 paths); RE2 is linear in the input.
    expect(matchesDocumentPattern("^(a+)+$", `${"a".repeat(48)}!`)).toBe(false);
    expect(matchesDocumentPattern("^(a+)+$", "a".repeat(48))).toBe(true);
    expect(matchesDocumentPattern("^(a|aa)*$", `${"a".repeat(5000)}b`)).toBe(false);
  });

  it("search as ECMAScript's test does, and read the escapes documents write", () => {
    expect(matchesDocumentPattern("[0-9]+", "abc123")).toBe(true);
    expect(matchesDocumentPattern("^[A-Z]{2}$", "GB")).toBe(true);
    expect(matchesDocumentPattern("^[A-Z]{2}$", "GBR")).toBe(false);
    // DigitalOcean writes `\:`; Unicode classes are common in names.
    expect(matchesDocumentPattern("^\\:x$", ":x")).toBe(true);
    expect(matchesDocumentPattern("^\\p{L}+$", "Zoë")).toBe(true);
  });

  it("are not evaluated when they cannot run in linear time or expand beyond 1,000 repeats: a check passes, a generator gives up", () => {
    for (const pattern of ["(a)\\1", "(?=a)b", "(?!x)y", "a{100000000}", "(a{100}){100}", "x".repeat(1001)]) {
      expect(isEvaluablePattern(pattern), pattern).toBe(false);
      expect(compileDocumentPattern(pattern), pattern).toBeNull();
      expect(matchesDocumentPattern(pattern, "anything"), pattern).toBe(true);
    }
    expect(stringForPattern("^x{100000000}$")).toBeUndefined();
    // openapi-sampler would expand it itself: the pattern is taken away from it.
    const schema = addPatternExamples({ type: "string", pattern: "^x{100000000}$" });
    expect(schema.pattern).toBeUndefined();
  });

  it("serve Ajv as its regular-expression engine", () => {
    const pattern = documentRegExpEngine("^(a+)+$");
    expect(pattern.test(`${"a".repeat(40)}!`)).toBe(false);
    expect(pattern.test("aaa")).toBe(true);
    expect(documentRegExpEngine.code).toBe("wayfinder/document-regexp");
  });
});

describe("lookaheads anchored at the start, as zod writes a URL's rules", () => {
  const url = "(?=^https?:\\/\\/[^\\s/?#]+(?:[/?#]\\S*)?$)(?=^[a-z]+:\\/\\/[^/?#@]+(?:[/?#]\\S*)?$)";

  it("are read exactly, each part on the linear-time engine", () => {
    expect(isEvaluablePattern(url)).toBe(true);
    expect(matchesDocumentPattern(url, "https://example.com/x")).toBe(true);
    expect(matchesDocumentPattern(url, "https://user:pw@example.com/x")).toBe(false);
    expect(matchesDocumentPattern(url, "javascript:alert(1)")).toBe(false);
  });

  it("are not read in any other shape", () => {
    for (const pattern of ["(?=a)b", "x(?=^a)", "(?=^a)b", "(?=^(a)\\1)"]) expect(isEvaluablePattern(pattern), pattern).toBe(false);
  });
});

describe("Ajv with the linear-time engine", () => {
  it("keeps each pattern apart (Ajv caches compiled patterns by their text)", async () => {
    const { Ajv } = await import("ajv");
    const ajv = new Ajv({ code: { regExp: documentRegExpEngine }, unicodeRegExp: false });
    const validate = ajv.compile({
      type: "object",
      properties: { slug: { type: "string", pattern: "^[a-z-]+$" }, code: { type: "string", pattern: "^[0-9]+$" } },
    });
    expect(validate({ slug: "a-b", code: "12" })).toBe(true);
    expect(validate({ slug: "a-b", code: "x" })).toBe(false);
    expect(validate({ slug: "A", code: "12" })).toBe(false);
  });
});
