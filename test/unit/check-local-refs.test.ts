/**
 * checkLocalRefs finds what the validator library's own reference check (checkRefs, which copies the
 * whole document to resolve it) finds, with the same message: over every demo and fixture document, with
 * a reference broken in each, and over the edge cases of its resolution (anchors, `$id`s, percent-encoding,
 * pointers through references, keys the library deletes, what plain objects inherit). And the same again
 * given what inspectDocument found, where most documents are decided from its list of references alone.
 */
// @ts-expect-error: the library's reference check, plain JavaScript without types
import { checkRefs } from "@seriousme/openapi-schema-validator/resolve.js";
import { describe, expect, it } from "vitest";
import { checkLocalRefs, plainRefsResolve } from "@/lib/openapi/check-local-refs";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import { maskExampleData } from "@/lib/openapi/mask-example-data";
import { corpusDocuments } from "../support/corpus-documents";

type Json = Record<string, unknown>;

/** The library's verdict in checkLocalRefs' terms: null, or its message. */
const theirs = (document: unknown): string | null => {
  const result = checkRefs(document) as { valid: boolean; errors?: string };
  return result.valid ? null : result.errors!;
};

const documents = corpusDocuments();

/** What inspectDocument finds in a document, as the readers that validate it pass it on. */
const shapeOf = (document: unknown) => inspectDocument(document, { maxDepth: 10_000, maxRefs: 1_000_000 });

/** The first `$ref` object in the document, in key order. */
function firstRefHolder(node: unknown): Json | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  if (typeof (node as Json).$ref === "string") return node as Json;
  for (const value of Object.values(node)) {
    const found = firstRefHolder(value);
    if (found) return found;
  }
  return undefined;
}

describe("checkLocalRefs against the library's checkRefs", () => {
  it.each(documents)("%s: the same verdict, and the same message once a reference is broken", async (_name, load) => {
    const document = await load();
    expect(checkLocalRefs(document)).toBe(theirs(maskExampleData(document)));
    expect(checkLocalRefs(document)).toBeNull();
    expect(checkLocalRefs(document, shapeOf(document))).toBeNull();
    const broken = structuredClone(document);
    const holder = firstRefHolder(broken);
    if (!holder) return;
    holder.$ref = `${holder.$ref as string}Gone`;
    expect(checkLocalRefs(broken)).toMatch(/^Can't resolve .*Gone/);
    expect(checkLocalRefs(broken)).toBe(theirs(maskExampleData(broken)));
    expect(checkLocalRefs(broken, shapeOf(broken))).toBe(theirs(maskExampleData(broken)));
  });

  it("decides the real documents from inspectDocument's list of references alone, without a second walk", async () => {
    const decidedInFull: string[] = [];
    for (const [name, load] of documents) {
      const document = await load();
      if (!plainRefsResolve(document, shapeOf(document))) decidedInFull.push(name);
    }
    expect(decidedInFull).toEqual([]);
  });

  const schemas = (extra: Json): Json => ({ openapi: "3.1.0", info: { title: "T", version: "1" }, components: { schemas: extra } });
  const cases: [string, unknown][] = [
    ["no references", schemas({ A: { type: "string" } })],
    ["a reference that resolves", schemas({ A: { $ref: "#/components/schemas/B" }, B: { type: "string" } })],
    ["a reference to nothing", schemas({ A: { $ref: "#/components/schemas/Nope" } })],
    ["another file", schemas({ A: { $ref: "other.yaml#/B" } })],
    ["the whole document", schemas({ A: { $ref: "#" } })],
    ["an empty reference", schemas({ A: { $ref: "" } })],
    ["percent-encoding", schemas({ "A B": { type: "string" }, C: { $ref: "#/components/schemas/A%20B" } })],
    ["malformed percent-encoding", schemas({ C: { $ref: "#/components/schemas/%ZZ" } })],
    ["escaped keys", { openapi: "3.1.0", paths: { "/a~b": { get: {} } }, x: { $ref: "#/paths/~1a~0b/get" } }],
    [
      "a key the library deletes",
      schemas({ A: { $ref: "#/components/schemas/B" }, B: { $id: "b", type: "string" }, C: { $ref: "#/components/schemas/B/$id" } }),
    ],
    ["what a plain object inherits", schemas({ A: { $ref: "#/constructor" }, B: { $ref: "constructor" } })],
    ["a string's own properties", schemas({ A: { type: "string" }, B: { $ref: "#/components/schemas/A/type/length" } })],
    [
      "through a reference already replaced",
      schemas({ A: { $ref: "#/components/schemas/B" }, B: { properties: { x: { type: "string" } } }, C: { $ref: "#/components/schemas/A/properties/x" } }),
    ],
    [
      "through a reference not yet replaced",
      schemas({ C: { $ref: "#/components/schemas/A/properties/x" }, A: { $ref: "#/components/schemas/B" }, B: { properties: { x: { type: "string" } } } }),
    ],
    ["an anchor", schemas({ A: { $anchor: "here", type: "string" }, B: { $ref: "#here" } })],
    ["an anchor that is not there", schemas({ B: { $ref: "#there" } })],
    ["a duplicate anchor", schemas({ A: { $anchor: "here" }, B: { $anchor: "here" } })],
    [
      "an $id and a pointer from it",
      schemas({ A: { $id: "https://example.com/a", properties: { p: { type: "string" } } }, B: { $ref: "https://example.com/a#/properties/p" } }),
    ],
    [
      "a relative pointer inside an $id",
      schemas({ A: { $id: "https://example.com/a", properties: { p: { type: "string" }, q: { $ref: "#/properties/p" } } } }),
    ],
    ["a duplicate $id", schemas({ A: { $id: "same" }, B: { $id: "same" } })],
    // Data, which the mask renames: no keyword there, whatever it holds.
    ["keywords in an example", schemas({ A: { type: "object", example: { $id: "same", $ref: "#/nowhere", b: { $id: "same" } } } })],
    [
      "keywords in a default, an enum and a const",
      schemas({ A: { default: { $ref: "#/x" }, enum: [{ $ref: "#/y" }], const: { $anchor: "a" }, B: { $anchor: "a" } } }),
    ],
    ["keywords in an extension", schemas({ A: { "x-expansion": { oneOf: [{ $ref: "#/nowhere" }] } } })],
    ["keywords in a schema's examples", schemas({ A: { examples: [{ $id: "same" }, { $id: "same" }] } })],
    [
      "an Example Object's value and its own reference",
      schemas({ A: { examples: { one: { value: { $ref: "#/nowhere" } }, two: { $ref: "#/components/examples/gone" }, three: ["as", { $ref: "#/x" }] } } }),
    ],
    [
      "properties named like keywords, with an anchor inside one (its path names it as masked)",
      schemas({ B: { $anchor: "x" }, A: { properties: { $id: { type: "string" }, $ref: { $anchor: "x" } } } }),
    ],
    [
      "a property named $ref beside a real reference to nothing",
      schemas({ A: { properties: { $ref: { type: "string" } } }, B: { $ref: "#/components/schemas/A/properties/$ref" } }),
    ],
    [
      "an $id in data does not scope a reference",
      schemas({ A: { example: { $id: "https://example.com/x", n: { $ref: "#/y" } } }, B: { $ref: "#/components/schemas/A" } }),
    ],
    ["an extension named like a property", schemas({ A: { properties: { "x-ref": { $ref: "#/components/schemas/Nope" } } } })],
    ["an $id that is not a string", schemas({ A: { $id: { no: 1 } }, B: { $id: { no: 2 } } })],
    ["dynamic anchors", schemas({ A: { $dynamicAnchor: "node" }, B: { $dynamicRef: "#node" } })],
    ["a dynamic reference to nothing", schemas({ B: { $dynamicRef: "#node" } })],
    ["a duplicate dynamic anchor", schemas({ A: { $dynamicAnchor: "node" }, B: { $dynamicAnchor: "node" } })],
    ["a reference that is not a string", schemas({ A: { $ref: { not: "a string" } } })],
    ["references in arrays", schemas({ A: { oneOf: [{ $ref: "#/components/schemas/B" }, { $ref: "#/components/schemas/A/oneOf/0" }] }, B: {} })],
    ["the root a reference", { $ref: "#/x", x: {} }],
    // Where the quick path (plainRefsResolve) must leave the verdict to the full resolution.
    ["a reference in data to nothing, beside one that resolves", schemas({ A: { example: { $ref: "#/nowhere" } }, B: { $ref: "#/components/schemas/A" } })],
    ["a pointer through a key the mask renames", schemas({ A: { example: { $ref: "x" } }, B: { $ref: "#/components/schemas/A/example/$ref" } })],
    [
      "a key written as the mask writes the ones it renames",
      schemas({ A: { example: { "x-data-$ref": 1, $ref: "y" } }, B: { $ref: "#/components/schemas/A/example/x-data-$ref" } }),
    ],
    ["a second # in a pointer", schemas({ "a#b": { type: "string" }, C: { $ref: "#/components/schemas/a%23b" } })],
    ["a pointer into an extension", schemas({ A: { "x-meta": { n: 1 } }, B: { $ref: "#/components/schemas/A/x-meta/n" } })],
    ["not an object", "text"],
  ];
  it.each(cases)("%s", (_name, document) => {
    const expected = theirs(maskExampleData(structuredClone(document)));
    expect(checkLocalRefs(document)).toBe(expected);
    expect(checkLocalRefs(document, shapeOf(document))).toBe(expected);
  });

  it("reads a key the mask's renaming overwrites as written, quick path or not, where the library reads the mask's copy", () => {
    // The library sees `x-data-$schema` as the renamed `$schema` ("s"); the document holds an object there.
    const document = schemas({ A: { example: { "x-data-$schema": { n: 1 }, $schema: "s" } }, B: { $ref: "#/components/schemas/A/example/x-data-$schema/n" } });
    expect(theirs(maskExampleData(structuredClone(document)))).toBe("Can't resolve #/components/schemas/A/example/x-data-$schema/n");
    expect(checkLocalRefs(document)).toBeNull();
    expect(plainRefsResolve(document, shapeOf(document))).toBe(true);
  });

  it("decides the plain edge cases quickly, and leaves the others to the full resolution", () => {
    const quick = cases.filter(([, document]) => typeof document === "object" && plainRefsResolve(document as Json, shapeOf(document))).map(([name]) => name);
    expect(quick).toEqual([
      "no references",
      "a reference that resolves",
      "the whole document",
      "percent-encoding",
      "escaped keys",
      "references in arrays",
      "a pointer into an extension",
    ]);
  });

  it("agrees with the library on 3,000 documents generated at random, quick path or not", () => {
    // mulberry32, seeded: the same documents on every run, and a failure names the seed that made it.
    let state = 0x5eed;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // Keys that matter to the mask (data and name maps), to the library (keywords) or to pointers (escapes).
    const keys = [
      "components",
      "schemas",
      "properties",
      "items",
      "oneOf",
      "example",
      "default",
      "enum",
      "examples",
      "value",
      "x-ext",
      "x-data-$ref",
      "$schema",
      "x-data-$schema",
      "a~b",
      "a/b",
      "a b",
      "a#b",
      "A",
      "B",
      "n",
    ] as const;
    const paths: string[][] = [];
    const build = (depth: number, path: string[]): unknown => {
      if (depth > 3 || random() < 0.2) return random() < 0.5 ? "text" : 7;
      if (random() < 0.2) return Array.from({ length: 1 + Math.floor(random() * 2) }, (_, index) => build(depth + 1, [...path, String(index)]));
      const node: Json = {};
      for (let count = 1 + Math.floor(random() * 3); count > 0; count -= 1) {
        const key = pick(keys);
        node[key] = build(depth + 1, [...path, key]);
        paths.push([...path, key]);
      }
      if (random() < 0.04) node[pick(["$id", "$anchor"])] = pick(["a", "b"]);
      return node;
    };
    const pointer = (path: string[]) => `#/${path.map((key) => encodeURIComponent(key.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/")}`;
    let quick = 0;
    let failing = 0;
    for (let seed = 0; seed < 3000; seed += 1) {
      paths.length = 0;
      const document = { openapi: "3.1.0", ...(build(0, []) as Json) };
      // References placed anywhere, to places that exist, that do not, to the root, and written oddly.
      for (let count = Math.floor(random() * 4); count > 0 && paths.length; count -= 1) {
        let holder: unknown = document;
        // A path may be stale (a key drawn twice replaced its subtree): followed while it leads somewhere.
        for (const key of pick(paths).slice(0, -1)) holder = typeof holder === "object" && holder !== null ? (holder as Json)[key] : undefined;
        if (typeof holder !== "object" || holder === null || Array.isArray(holder)) continue;
        const target = pick(paths);
        (holder as Json).$ref = pick([pointer(target), pointer(target), `${pointer(target)}x`, "#", `#/${target.join("/")}`, pointer(target.slice(0, 1))]);
      }
      const expected = theirs(maskExampleData(structuredClone(document)));
      const shape = shapeOf(document);
      expect(checkLocalRefs(document, shape), `document ${seed}: ${JSON.stringify(document)}`).toBe(expected);
      expect(checkLocalRefs(document, shape)).toBe(checkLocalRefs(document));
      if (plainRefsResolve(document, shape)) quick += 1;
      if (expected !== null) failing += 1;
    }
    // Both paths and both verdicts were exercised.
    expect(quick).toBeGreaterThan(500);
    expect(failing).toBeGreaterThan(500);
    expect(3000 - quick - failing).toBeGreaterThan(100);
  });

  it("finds problems in the edge cases, so the comparison above covered failures too", () => {
    const failing = cases.filter(([, document]) => checkLocalRefs(document) !== null).map(([name]) => name);
    expect(failing).toEqual(
      expect.arrayContaining([
        "a reference to nothing",
        "a duplicate anchor",
        "a duplicate $id",
        "a dynamic reference to nothing",
        "malformed percent-encoding",
        "an Example Object's value and its own reference",
        "properties named like keywords, with an anchor inside one (its path names it as masked)",
        "a property named $ref beside a real reference to nothing",
        "an extension named like a property",
      ]),
    );
  });
});
