import { cpSync, mkdtempSync, openAsBlob } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/platform/db/open-database";
import type { DatabaseTarget } from "@/lib/platform/db/database-target";
import type { MigratedDatabases } from "./migrated-databases";

/** A fresh, migrated database for one test file, and how to dispose of it. */
export interface TestDatabase {
  name: string;
  /** A new database with every migration applied: a copy of the one migrated for the whole run, where there is one. */
  open(): Promise<Database>;
  /** A new, empty database migrated from nothing, as a first start does. */
  fresh(): Promise<Database>;
}

/** The PostgreSQL server tests may use (CI sets it), or undefined to test PGlite only. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/**
 * The databases the integration tests' global setup migrated once (test/support/migrated-databases.ts),
 * or undefined elsewhere (unit tests, benchmarks), where every database is migrated from nothing.
 */
async function migrated(): Promise<MigratedDatabases | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import("vitest");
  return inject("migratedDatabases");
}

/** Creates an empty PostgreSQL database on the test server (or a copy of `template`); returns its name, URL and a dropper. */
export async function createPostgresDatabase(
  baseUrl: string,
  options: { prefix?: string; template?: string } = {},
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${options.prefix ?? "wayfinder_test"}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ""}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A PostgreSQL database on the test server, opened (migrations checked or applied); `close()` drops it. */
async function openPostgres(baseUrl: string, template?: string): Promise<Database> {
  const created = await createPostgresDatabase(baseUrl, { template });
  const target: DatabaseTarget = { kind: "postgres", url: created.url };
  const db = await openDatabase(target);
  return {
    ...db,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

/**
 * The databases every integration suite runs against: an in-memory PGlite always, and a brand-new
 * PostgreSQL database when TEST_DATABASE_URL is set. Each `open()` gives a fresh database with the
 * migrations from prisma/migrations applied (and checked on opening, as a restart checks them);
 * `close()` on it drops the PostgreSQL one.
 */
export const testDatabases: TestDatabase[] = [
  {
    name: "pglite",
    async open() {
      const image = (await migrated())?.pgliteImage;
      // A Blob backed by the file: read as PGlite loads it, not copied into memory first.
      return openDatabase({ kind: "pglite", dataDir: null, ...(image ? { image: await openAsBlob(image) } : {}) });
    },
    fresh: () => openDatabase({ kind: "pglite", dataDir: null }),
  },
  ...(testDatabaseUrl
    ? [
        {
          name: "postgresql",
          open: async () => openPostgres(testDatabaseUrl, (await migrated())?.postgresTemplate ?? undefined),
          fresh: () => openPostgres(testDatabaseUrl),
        },
      ]
    : []),
];

/** A new PostgreSQL database for a portal server to start on, with nothing to migrate where the global setup migrated a template. */
export async function createMigratedPostgresDatabase(baseUrl: string): ReturnType<typeof createPostgresDatabase> {
  return createPostgresDatabase(baseUrl, { template: (await migrated())?.postgresTemplate ?? undefined });
}

/**
 * A new folder for a portal server's WAYFINDER_DATA_DIR, holding a copy of the embedded database the
 * global setup migrated (with the demo company loaded, unless `demo` is false, for a server started
 * with WAYFINDER_DEMO=false), so the server's start has nothing to migrate or load.
 */
export async function migratedDataDir(prefix: string, options: { demo?: boolean } = {}): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const prepared = await migrated();
  if (prepared) cpSync(options.demo === false ? prepared.pgliteFolder : prepared.demoFolder, path.join(dir, "pglite"), { recursive: true });
  return dir;
}

if (!testDatabaseUrl) console.log("TEST_DATABASE_URL is not set: integration tests run against PGlite only.");
