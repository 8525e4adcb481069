import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/platform/db/open-database";
import { openDemoDatabase } from "./demo-database";
import { createPostgresDatabase, testDatabaseUrl } from "./test-databases";

/** Where the integration tests' migrated databases are (see `setup` below). */
export interface MigratedDatabases {
  /** An embedded database's data folder, migrated: copied for each portal server a test starts with WAYFINDER_DEMO=false. */
  pgliteFolder: string;
  /** The same with the demo company loaded, as a first start loads it: copied for the other portal servers. */
  demoFolder: string;
  /** The same as a tarball (PGlite's dumpDataDir): each in-memory test database is loaded from it. */
  pgliteImage: string;
  /** A migrated PostgreSQL database each test database is created from (CREATE DATABASE … TEMPLATE), when TEST_DATABASE_URL is set. */
  postgresTemplate: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    migratedDatabases: MigratedDatabases;
  }
}

/**
 * Vitest's global setup for the integration tests: the migrations are applied once, to one database of
 * each kind, and every test database and portal data folder starts as a copy of it (the portals' with
 * the demo company loaded, unless they start without it). Applying them in each (WebAssembly schema
 * engine; PGlite's initdb in a child process for a data folder), and loading the demo in each portal,
 * cost seconds of CPU a time, some 150 times a run. Both stay tested from nothing:
 * migrations-and-seed.test.ts opens its databases with `fresh()` and seeds them, and the first-start
 * tests (server-start, hostile-documents) start portals on empty folders.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-migrated-"));
  const pgliteFolder = path.join(dir, "pglite");
  const pgliteImage = path.join(dir, "pglite.tar");
  const embedded = await openDatabase({ kind: "pglite", dataDir: pgliteFolder });
  writeFileSync(pgliteImage, Buffer.from(await (await embedded.pglite!.dumpDataDir("none")).arrayBuffer()));
  await embedded.close();
  // The demo company loaded once (each portal server with the demo loaded it on its first start, through the whole publishing pipeline).
  const demoFolder = path.join(dir, "demo");
  cpSync(pgliteFolder, demoFolder, { recursive: true });
  await (await openDemoDatabase(() => openDatabase({ kind: "pglite", dataDir: demoFolder }))).close();

  let template: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
  if (testDatabaseUrl) {
    template = await createPostgresDatabase(testDatabaseUrl, { prefix: "wayfinder_template" });
    // Closed before any copy: PostgreSQL copies a template only while nobody is connected to it.
    await (await openDatabase({ kind: "postgres", url: template.url })).close();
  }
  project.provide("migratedDatabases", { pgliteFolder, demoFolder, pgliteImage, postgresTemplate: template?.name ?? null });
  return async () => {
    await template?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
