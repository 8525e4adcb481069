import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/platform/db/open-database";
import type { DatabaseTarget } from "@/lib/platform/db/database-target";

/** A fresh, migrated database for one test file, and how to dispose of it. */
export interface TestDatabase {
  name: string;
  open(): Promise<Database>;
}

/** The PostgreSQL server tests may use (CI sets it), or undefined to test PGlite only. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** Creates an empty PostgreSQL database on the test server; returns its URL and a dropper. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `wayfinder_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * The databases every integration suite runs against: an in-memory PGlite always, and a brand-new
 * PostgreSQL database when TEST_DATABASE_URL is set. Each `open()` gives a fresh database with the
 * migrations from prisma/migrations applied; `close()` on it drops the PostgreSQL one.
 */
export const testDatabases: TestDatabase[] = [
  { name: "pglite", open: () => openDatabase({ kind: "pglite", dataDir: null }) },
  ...(testDatabaseUrl
    ? [
        {
          name: "postgresql",
          async open() {
            const created = await createPostgresDatabase(testDatabaseUrl);
            const target: DatabaseTarget = { kind: "postgres", url: created.url };
            const db = await openDatabase(target);
            return {
              ...db,
              async close() {
                await db.close();
                await created.drop();
              },
            };
          },
        },
      ]
    : []),
];

if (!testDatabaseUrl) console.log("TEST_DATABASE_URL is not set: integration tests run against PGlite only.");
