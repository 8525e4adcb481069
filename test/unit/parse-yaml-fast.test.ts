import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { YAML_OPTIONS } from "@/lib/openapi/parse-document";
import { parseYamlFast } from "@/lib/openapi/parse-yaml-fast";
import { yamlExpandedSize } from "@/lib/openapi/yaml-expanded-size";

/** What the yaml library reads, as parse-document.ts asks it to; undefined when it reports an error. */
function library(text: string): unknown {
  const doc = parseDocument(text, { ...YAML_OPTIONS, logLevel: "silent" });
  return doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 });
}

/** Every plain scalar form of YAML 1.2's core schema and its neighbours (the yaml-1.1 forms that must stay strings). */
const scalars = [
  ...["~", "null", "Null", "NULL", "nUll", ""],
  ...["true", "True", "TRUE", "tRue", "false", "yes", "no", "on", "off", "y", "n"],
  ...["0", "-0", "+0", "00", "012", "0o17", "0O17", "0x1F", "0X1F", "0xaf", "0b101", "+12", "-12", "1_000", "1,000", "08", "0b2"],
  ...["0.5", ".5", "-.5", "+.5", "1.", "1.e3", "1e3", "1E3", "1e+3", "-1e-3", "1.5e3", "0e0", "-0.0", "1e", "e3", "0.0.1", "0.1e-400"],
  ...[".inf", "-.inf", "+.inf", ".Inf", ".INF", "-.Inf", ".nan", ".NaN", ".NAN", ".", ".."],
  ...["123456789012345678901234567890", "9007199254740993", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "12:30:00", "190:20:30"],
  ...["0x", "0o", "+", "=", "<<", "'quoted'", '"dq"', "!!str 12", "!!int '12'", "!!int 0x10", "!!float 1", "!!float .5", "!!bool yes", "!!null ''"],
];

/** Keys, strings, block scalars, flow collections and comments. */
const documents = [
  ...["~: a", "null: a", ": a", "'': a", "'null': a", "1.0: a", "0x1F: a", "0o17: a", "true: a", ".inf: a", "-0: a", "1e3: a", "200: ok"],
  ...["[a, b]: c", "{a: b}: c", "? [a, b]\n: c", "? a\n: b", "? |\n  block\n: v", "? \n: x", "- ? a\n  : b"],
  ...["a: b\n'a': c", "1: a\n'1': b", '"a\\x41": 1', "a: 'it''s'", 'a: "\\u00e9\\t\\N"', 'a: "\\/"', 'a: "\\e\\0\\a"'],
  ...["a: >\n  folded\n  text\n\n  para\n", "a: |+\n  keep\n\n", "a: |-\n  strip\n", 'a: "multi\n  line"', "a: plain\n  multi line"],
  ...["a: 'x\n\n  y'", "a: >-\n  x\n   y\n  z", "a: |2\n   x\n  y", "- a\n- b: c\n  d: e", "a: [1, 2, {b: c}]", "a:\n  - 1\n  -\n  - 3"],
  ...["a: #comment\n  b", "a: b # c", "a: 'b # c'", 'a: ""', "a: ''", "a: \t1", "a:\t1", "# only a comment\n", "plain", "[1, 2]"],
  ...["a: &x 1\nb: *x", "a: &x [1]\nb: *x", "%YAML 1.1\n---\na: yes", "a: !!binary aGk=", "a: !custom b", "a: !!timestamp 2001-12-14"],
  ...["a: 1\n---\nb: 2", "a: [1, 2", "a:\n\t- 1", "a: b: c", "- a\nb: c", "a: 'unterminated", 'a: "\\q"'],
  ...["<<: {a: 1}\nb: 2", "b:\n  <<: {a: 1}", "!!merge <<: {a: 1}", "__proto__: {a: 1}", "a: {__proto__: 1}", "constructor: 1"],
];

describe("parseYamlFast", () => {
  it.each([...scalars.map((scalar) => `v: ${scalar}`), ...documents])("reads %j as the yaml library does, or leaves it to the library", (text) => {
    const fast = parseYamlFast(text);
    if (fast === undefined) return;
    const expected = library(text);
    expect(expected, "the library refuses what the fast path read").not.toBeUndefined();
    expect(fast.data).toStrictEqual(expected);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(expected));
  });

  it("takes the fast path for ordinary documents and every core scalar the library reads the same way", () => {
    expect(parseYamlFast("openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths: {}\n")?.data).toEqual({
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: {},
    });
    const fastScalars = scalars.filter((scalar) => parseYamlFast(`v: ${scalar}`) !== undefined);
    // All but the explicit tags the core types refuse (`!!float 1`, `!!bool yes`): the check above holds for these.
    expect(fastScalars.length).toBeGreaterThan(scalars.length - 4);
  });

  it.each([
    ["an anchor or alias (the size limits are measured on the library's tree)", "a: &x 1\nb: *x"],
    ["an anchor used nowhere", "a: &x 1"],
    ["a directive", "%YAML 1.1\n---\na: yes"],
    ["a tag js-yaml's core schema does not know", "a: !custom b"],
    ["a null key", "~: a"],
    ["a quoted key named null", "'null': a"],
    ["a collection as a key", "[a, b]: c"],
    ["a mapping as a key", "x:\n  {a: 1}: b"],
    ["a collection as a key after a sequence dash", "- - [a]: b"],
    ["a tagged collection as a key", "!!seq [a]: b"],
    ["a collection as a key in a flow mapping", "x: {a: 1, [b]: 2}"],
    ["a collection as a key in a flow sequence", "x: [[a]: b]"],
    ["a collection as a key on a flow mapping's own line", "x: {\n  [a]: b\n}"],
    ["an explicit key", "? a\n: b"],
    ["a duplicate key", "a: 1\na: 2"],
    ["a syntax error", "a: [1, 2"],
    ["two documents", "a: 1\n---\nb: 2"],
    ["nesting past js-yaml's depth", `${"[".repeat(150)}${"]".repeat(150)}`],
  ])("leaves %s to the library", (_what, text) => {
    expect(parseYamlFast(text)).toBeUndefined();
  });

  it("reads keys that end in a brace or bracket but are not collections (paths such as /v2/apps/{id})", () => {
    for (const text of ["paths:\n  /v2/apps/{id}:\n    get: {}\n  /a/{b}/c/{d}: x\n", "- '%t [%p]: [%l-1] user=%u,db=%d'\n", "a: b # [c]: d\n"]) {
      expect(parseYamlFast(text)?.data).toEqual(parseDocument(text, YAML_OPTIONS).toJS());
    }
  });

  it("looks at a hostile line of key endings once (linear: a quadratic scan would not finish)", () => {
    expect(parseYamlFast(`x: ${"{,!a ".repeat(100_000)}}: y`)).toBeUndefined();
    expect(parseYamlFast(`x: "${"a}: ".repeat(200_000)}"`)?.data).toEqual({ x: "a}: ".repeat(200_000) });
    expect(parseYamlFast(`x: "${",!aaaa".repeat(100_000)}}: "`)?.data).toEqual({ x: `${",!aaaa".repeat(100_000)}}: ` });
  });

  it("counts the size as the library's alias measure does, never less", () => {
    for (const text of ["a: 1\nb: [x, 'y', null, true, 2.5]\nc: {d: e}\n", "200:\n  description: ok\n", "- a\n-\n- - 1\n"]) {
      const fast = parseYamlFast(text);
      const measured = yamlExpandedSize(parseDocument(text, { version: "1.2", schema: "core" }), Number.MAX_SAFE_INTEGER);
      expect(fast?.size).toBeGreaterThanOrEqual(measured);
      // Only a key that is not a string (`200`) counts its quotes here.
      if (!text.startsWith("200")) expect(fast?.size).toBe(measured);
    }
  });
});
