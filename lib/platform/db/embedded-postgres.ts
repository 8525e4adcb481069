import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** The extensions every embedded database loads: search needs pg_trgm, as PostgreSQL has it in contrib. */
const extensions = { pg_trgm };

/**
 * PGlite's start parameters with a smaller buffer cache. PostgreSQL's default `shared_buffers` (128 MB)
 * is WebAssembly memory that, once touched, the process keeps for good; the embedded database serves one
 * team's catalogue from one process, and its data folder's pages stay in the operating system's cache
 * anyway. Measured in docs/benchmarks.md ("Start-up and rest").
 */
const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** A PGlite database with Wayfinder's extensions (in memory without `dataDir`). */
export function newPglite(dataDir?: string, options: Omit<PGliteOptions, "extensions" | "dataDir"> = {}): PGlite {
  return new PGlite({ startParams, ...options, dataDir, extensions });
}

/**
 * Prisma's driver adapter over PGlite. The adapter's own shadow database (used to diff migrations)
 * is a bare PGlite without extensions, where `CREATE EXTENSION pg_trgm` fails, so it gets ours.
 */
export function pgliteAdapter(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: () => new PrismaPGlite(newPglite()).connect(),
  };
}
