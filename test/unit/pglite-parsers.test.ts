import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// patches/@electric-sql+pglite+0.5.16.patch: a query given its own parsers (Prisma's adapter gives them
// to every query) reads them over the instance's instead of copying the instance's 300-odd parsers
// into a new object per query. These tests hold the parsing to what it was, and the patch to being applied.

const JSONB = 3802;
const TIMESTAMPTZ = 1184;

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create();
});

afterAll(async () => {
  await db.close();
});

const sample = `SELECT '{"a":1}'::jsonb AS j, '2026-12-07T12:00:00Z'::timestamptz AS t, ARRAY[1, 2]::int[] AS a, ARRAY['{"b":2}'::jsonb] AS ja, 'x'::text AS s`;

describe("per-query parsers over PGlite's own", () => {
  it("parses with a query's own parser where it has one, and with the instance's everywhere else", async () => {
    const { rows } = await db.query<unknown[]>(sample, [], { rowMode: "array", parsers: { [JSONB]: (text: string) => `raw:${text}` } });
    expect(rows[0]).toEqual(['raw:{"a": 1}', new Date("2026-12-07T12:00:00Z"), [1, 2], [{ b: 2 }], "x"]);
  });

  it("leaves the next query without parsers of its own to the instance's", async () => {
    await db.query(sample, [], { parsers: { [JSONB]: () => "overridden" } });
    const { rows } = await db.query<{ j: unknown; t: unknown }>(sample);
    expect(rows[0]!.j).toEqual({ a: 1 });
    expect(rows[0]!.t).toEqual(new Date("2026-12-07T12:00:00Z"));
  });

  it("falls back to PGlite's default parser for a type a query names without a parser", async () => {
    const { rows } = await db.query<{ t: unknown }>(sample, [], { parsers: { [TIMESTAMPTZ]: undefined as never } });
    expect(rows[0]!.t).toEqual(new Date("2026-12-07T12:00:00Z"));
  });

  it("does not copy the instance's parsers for a query that brings its own (the patch is applied)", async () => {
    const own = db.parsers;
    let reads = 0;
    db.parsers = new Proxy(own, {
      get(target, key, receiver) {
        reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    try {
      await db.query(sample, [], { rowMode: "array", parsers: { [JSONB]: (text: string) => text } });
    } finally {
      db.parsers = own;
    }
    // Copying would read every one of the instance's parsers; looking them up reads one per column, and
    // the array columns' parsers read their element's.
    expect(Object.keys(own).length).toBeGreaterThan(100);
    expect(reads).toBeLessThan(20);
  });
});
