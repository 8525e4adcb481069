/**
 * The diff's test for schemas with nothing to compare (lib/diff/same-without-refs.ts): what it takes as
 * the same, and that asking it level by level down to a deep change (as compareSchemas does) reads each
 * node a bounded number of times, not once per level above it.
 */
import { describe, expect, it } from "vitest";
import { sameWithoutRefs } from "@/lib/diff/same-without-refs";

describe("sameWithoutRefs", () => {
  it("takes equal JSON as the same, whatever the order of its keys", () => {
    const same = sameWithoutRefs();
    expect(
      same(
        { type: "object", properties: { a: { type: "string", enum: ["x", null] } } },
        { properties: { a: { enum: ["x", null], type: "string" } }, type: "object" },
      ),
    ).toBe(true);
    const shared = { type: "integer", minimum: 1 };
    expect(same(shared, shared)).toBe(true);
    expect(same([1, "a", null, { b: false }], [1, "a", null, { b: false }])).toBe(true);
  });

  it("tells apart what differs: a value, a type of value, a key, an array's length, an array from an object", () => {
    const same = sameWithoutRefs();
    expect(same({ maxLength: 3 }, { maxLength: 4 })).toBe(false);
    expect(same({ default: 1 }, { default: "1" })).toBe(false);
    expect(same({ a: 1 }, { b: 1 })).toBe(false);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(same({ enum: ["a"] }, { enum: ["a", "b"] })).toBe(false);
    expect(same({ 0: "a" }, ["a"])).toBe(false);
    expect(same(null, {})).toBe(false);
  });

  it("never takes a $ref as the same, even written alike: what it points to may differ", () => {
    const same = sameWithoutRefs();
    const ref = { $ref: "#/components/schemas/Pet" };
    expect(same(ref, { $ref: "#/components/schemas/Pet" })).toBe(false);
    expect(same(ref, ref)).toBe(false);
    expect(same({ items: { properties: { p: ref } } }, { items: { properties: { p: ref } } })).toBe(false);
  });

  it("answers the same after remembering: a subtree found unchanged beside a change, asked about again or against another", () => {
    const same = sameWithoutRefs();
    const kept = { type: "string", maxLength: 5 };
    const base = { properties: { kept, changed: { type: "integer" } } };
    const revision = { properties: { kept: { type: "string", maxLength: 5 }, changed: { type: "number" } } };
    expect(same(base, revision)).toBe(false);
    expect(same(base, revision)).toBe(false);
    expect(same(kept, revision.properties.kept)).toBe(true);
    expect(same(kept, { type: "string", maxLength: 6 })).toBe(false);
    expect(same(base.properties.changed, revision.properties.changed)).toBe(false);
  });

  it("reads each node a bounded number of times when asked level by level down to a deep change", () => {
    // 40 nested levels, each with 20 unchanged sibling schemas of 9 nodes; only the deepest maxLength changed.
    const depth = 40;
    const build = (bottom: number) => {
      let node: Record<string, unknown> = { type: "string", maxLength: bottom };
      const levels = [node];
      for (let level = 0; level < depth; level += 1) {
        const properties: Record<string, unknown> = {};
        for (let i = 0; i < 20; i += 1) properties[`p${i}`] = { type: "object", properties: { a: { type: "string" }, b: { type: "integer", minimum: i } } };
        properties.next = node;
        node = { type: "object", properties };
        levels.unshift(node);
      }
      return levels;
    };
    let reads = 0;
    let nodes = 0;
    const counted = (value: unknown): unknown => {
      if (typeof value !== "object" || value === null) return value;
      nodes += 1;
      const target = (Array.isArray(value) ? [] : {}) as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) target[key] = counted(item);
      return new Proxy(target, {
        get(object, key) {
          reads += 1;
          return Reflect.get(object, key);
        },
      });
    };
    const [baseRoot] = build(10);
    const base = counted(baseRoot) as Record<string, unknown>;
    const revision = build(11);
    // compareSchemas asks about a schema, then about each of its properties' schemas, then descends into the changed one.
    const same = sameWithoutRefs();
    let schema = base;
    for (const level of revision.slice(0, depth)) {
      expect(same(schema, level)).toBe(false);
      const properties = schema.properties as Record<string, unknown>;
      const revised = level.properties as Record<string, unknown>;
      for (let i = 0; i < 20; i += 1) expect(same(properties[`p${i}`], revised[`p${i}`])).toBe(true);
      schema = properties.next as Record<string, unknown>;
    }
    expect(same(schema, revision[depth])).toBe(false);
    // Walking again at every level would read about depth / 2 = 20 times each node; remembered, a few.
    expect(reads / nodes).toBeLessThan(4);
  });
});
