/**
 * The portal's JSON highlighting (components/api-reference/json-tokens.ts) against highlight.js, which
 * Swagger UI highlights with (through react-syntax-highlighter and lowlight): the same pieces coloured the
 * same way, over every example in the demo's and the fixtures' documents, pretty-printed as Swagger UI
 * shows them; and text that is not JSON comes back whole, however hostile.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonTokens } from "@/components/api-reference/json-tokens";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fixturesDir, hasFixtures, singleFileFixtures } from "../support/fixtures";

// Swagger UI's own highlighter, resolved from swagger-ui-react as it resolves it.
const fromSwaggerUi = createRequire(createRequire(import.meta.url).resolve("swagger-ui-react"));
const lowlight = createRequire(fromSwaggerUi.resolve("react-syntax-highlighter"))("lowlight") as {
  highlight(language: string, code: string): { value: HastNode[] };
};

interface HastNode {
  type: string;
  value?: string;
  properties?: { className?: string[] };
  children?: HastNode[];
}

/** Text pieces with their class ("" for none), neighbours of one class merged. */
type Pieces = [string, string][];
function merge(pieces: Pieces): Pieces {
  const merged: Pieces = [];
  for (const [text, kind] of pieces) {
    const last = merged.at(-1);
    if (last && last[1] === kind) last[0] += text;
    else merged.push([text, kind]);
  }
  return merged.filter(([text]) => text !== "");
}

function theirs(code: string): Pieces {
  const pieces: Pieces = [];
  const walk = (nodes: HastNode[], kind: string) => {
    for (const node of nodes) {
      if (node.type === "text") pieces.push([node.value!, kind]);
      else walk(node.children ?? [], node.properties?.className?.[0]?.replace(/^hljs-/, "") ?? kind);
    }
  };
  walk(lowlight.highlight("json", code).value, "");
  return merge(pieces);
}

const ours = (code: string): Pieces => merge(jsonTokens(code).map((token) => [token.text, token.kind ?? ""]));

/** Every `example` and `examples.*.value` in a document, at most `limit`, spread over it. */
function examplesOf(document: unknown, limit = 150): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if ("example" in record && record.example !== undefined) found.push(record.example);
    if (typeof record.examples === "object" && record.examples !== null)
      for (const entry of Object.values(record.examples)) if (typeof entry === "object" && entry !== null && "value" in entry) found.push(entry.value);
    for (const value of Object.values(record)) walk(value);
  };
  walk(document);
  const step = Math.max(1, Math.floor(found.length / limit));
  return found.filter((_, index) => index % step === 0).slice(0, limit);
}

const demoDir = path.resolve("prisma/seed/specs");
const documents: [string, string][] = [
  ...readdirSync(demoDir)
    .sort()
    .map((file): [string, string] => [`demo/${file}`, path.join(demoDir, file)]),
  ...(hasFixtures ? singleFileFixtures() : []).map((file): [string, string] => [file, path.join(fixturesDir, file)]),
];

describe("jsonTokens against highlight.js", () => {
  it("reads the corpus", () => {
    expect(documents.length).toBeGreaterThan(hasFixtures ? 20 : 3);
  });

  it.each(documents)("colours %s's examples as highlight.js does", (_, file) => {
    const document = parseDocumentText(readFileSync(file, "utf8"), defaultIngestLimits);
    for (const example of examplesOf(document)) {
      const code = typeof example === "string" ? JSON.stringify(example) : JSON.stringify(example, null, 2);
      expect(ours(code), code.slice(0, 200)).toEqual(theirs(code));
    }
  });

  it("colours keys, strings, numbers and literals, and leaves punctuation plain", () => {
    const code = '{\n  "id": "cus_1",\n  "total": -12.5e3,\n  "live": false,\n  "tags": ["a", null, 0x1F],\n  "esc\\"aped": "\\\\"\n}';
    expect(ours(code)).toEqual(theirs(code));
    expect(jsonTokens(code).filter((token) => token.kind)).toEqual([
      { text: '"id"', kind: "attr" },
      { text: '"cus_1"', kind: "string" },
      { text: '"total"', kind: "attr" },
      { text: "-12.5e3", kind: "number" },
      { text: '"live"', kind: "attr" },
      { text: "false", kind: "literal" },
      { text: '"tags"', kind: "attr" },
      { text: '"a"', kind: "string" },
      { text: "null", kind: "literal" },
      { text: "0x1F", kind: "number" },
      { text: '"esc\\"aped"', kind: "attr" },
      { text: '"\\\\"', kind: "string" },
    ]);
  });

  it("gives back any text whole, with no piece left out, including text that is not JSON", () => {
    // Generated here: a megabyte of unterminated strings, lone backslashes, comment openers and digits.
    const hostile = [
      '"'.repeat(200_000),
      `"${"\\".repeat(100_001)}`,
      "/*".repeat(200_000),
      `{"a": "unterminated\n${"x".repeat(100_000)}`,
      "-".repeat(50_000) + "1e".repeat(50_000),
      "<script>alert(1)</script> trueish nulls 12abc",
    ];
    for (const text of hostile)
      expect(
        jsonTokens(text)
          .map((token) => token.text)
          .join(""),
      ).toBe(text);
    expect(jsonTokens("trueish nulls untrue").filter((token) => token.kind)).toEqual([]);
  });
});
