import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { parseDocumentText } from "@/lib/openapi/parse-document";

function parseError(text: string, limits?: { maxYamlAliases: number; maxBytes: number }) {
  try {
    parseDocumentText(text, limits);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected parseDocumentText to throw");
}

describe("parseDocumentText", () => {
  it("reads JSON and YAML into the same data", () => {
    const json = parseDocumentText('{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{}}');
    const yaml = parseDocumentText("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\n");
    expect(yaml).toEqual(json);
  });

  it("ignores a byte-order mark", () => {
    expect(parseDocumentText('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });

  it("keeps YAML 1.2 scalars as JSON would (no timestamps, no octal surprises)", () => {
    expect(parseDocumentText("date: 2024-01-01\nversion: 1.10\nflag: yes\n")).toEqual({ date: "2024-01-01", version: 1.1, flag: "yes" });
  });

  it("names the line and column of a JSON syntax error", () => {
    const error = parseError('{\n  "openapi": "3.0.3",\n  "info": {,\n}');
    expect(error.code).toBe("INVALID_DOCUMENT");
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message).toMatch(/line 3/);
  });

  it("names the line of a YAML syntax error", () => {
    const error = parseError("openapi: 3.0.3\ninfo:\n  title: [unclosed\n  version: 1\n");
    expect(error.message).toMatch(/not valid YAML/);
    expect((error.details as { problems: { line?: number }[] }).problems[0]?.line).toBeGreaterThan(1);
  });

  it("refuses duplicate keys in YAML rather than silently keeping one", () => {
    expect(parseError("a: 1\na: 2\n").message).toMatch(/unique|duplicate/i);
  });

  it("refuses an empty document", () => {
    expect(parseError("  \n").message).toBe("The document is empty");
  });

  it("stops a YAML alias bomb at the alias limit", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    const error = parseError(bomb, { maxYamlAliases: 100, maxBytes: 1e6 });
    expect(error.message).toMatch(/alias/i);
  });

  it("does not construct objects from YAML tags", () => {
    const data = parseDocumentText("x: !!python/object:os.system ls\n") as Record<string, unknown>;
    expect(typeof data.x).toBe("string");
  });
});
