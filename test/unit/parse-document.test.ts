import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/platform/errors";
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
    // Small once expanded, but more alias uses than allowed.
    const many = `a: &a x\nb: [${Array(200).fill("*a").join(", ")}]\n`;
    const error = parseError(many, { maxYamlAliases: 100, maxBytes: 1e6 });
    expect(error.message).toBe("YAML alias expansion exceeds the limit of 100 (WAYFINDER_MAX_YAML_ALIASES).");
  });

  it("does not construct objects from YAML tags", () => {
    const data = parseDocumentText("x: !!python/object:os.system ls\n") as Record<string, unknown>;
    expect(typeof data.x).toBe("string");
  });

  it("bounds what YAML aliases expand to, not only how many there are (width bomb)", () => {
    // 999 aliases (under the alias limit) of one 20,000-item list: 43 KB of text, 40 MB once expanded.
    const bomb = `openapi: 3.0.3\ninfo: {title: wide, version: "1"}\npaths: {}\nx-a: &a [${Array(20_000).fill("0").join(",")}]\nx-b: [${Array(999).fill("*a").join(",")}]\n`;
    expect(bomb.length).toBeLessThan(50_000);
    const error = parseError(bomb, { maxYamlAliases: 1_000, maxBytes: 20 * 1024 * 1024 });
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toMatch(/aliases expanded.*WAYFINDER_MAX_DOCUMENT_BYTES/);
  });

  it("bounds how many times larger than its text aliases make a document, even under the size limit", () => {
    // The bomb the issue found: 23 KB of text, 999 aliases of a 10,000-item list, 20 MB expanded (just under 20 MiB).
    const bomb = `openapi: 3.0.3\ninfo: {title: wide, version: "1"}\npaths: {}\nx-a: &a [${Array(10_000).fill("0").join(",")}]\nx-b: [${Array(999).fill("*a").join(",")}]\n`;
    const error = parseError(bomb, { maxYamlAliases: 1_000, maxBytes: 20 * 1024 * 1024 });
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toMatch(
      /^YAML alias expansion \(\d{3} times the text's [\d,]+ characters\) exceeds the limit of 100 \(WAYFINDER_MAX_YAML_EXPANSION\)\.$/,
    );
    // A document that reuses a large schema a few dozen times is fine.
    const schema = `{type: object, properties: {${Array.from({ length: 400 }, (_, i) => `f${i}: {type: string, description: "field number ${i} of the shared schema"}`).join(", ")}}}`;
    const reuse = `shared: &shared ${schema}\nuses: [${Array(60).fill("*shared").join(", ")}]\n`;
    expect((parseDocumentText(reuse) as { uses: unknown[] }).uses).toHaveLength(60);
  });

  it("still expands aliases whose result fits", () => {
    const data = parseDocumentText("a: &a {type: string, enum: [x, y]}\nb: [*a, *a]\n") as { b: unknown[] };
    expect(data.b).toEqual([
      { type: "string", enum: ["x", "y"] },
      { type: "string", enum: ["x", "y"] },
    ]);
  });

  it("refuses an alias that refers to a node containing it", () => {
    expect(parseError("a: &a [1, *a]\n").message).toMatch(/recursive/);
  });
});
