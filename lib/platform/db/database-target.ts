import path from "node:path";
import type { Env } from "@/lib/platform/env";

/**
 * Where the data lives: the embedded PGlite (a folder, or memory when `dataDir` is null) or PostgreSQL.
 * An in-memory PGlite may start from `image`, a data folder's tarball (PGlite's `dumpDataDir`), instead
 * of an empty cluster: the tests open each database from one migrated once.
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string | null; image?: Blob } | { kind: "postgres"; url: string };

/** No DATABASE_URL means the embedded database under WAYFINDER_DATA_DIR (default `.data/`). */
export function databaseTargetFromEnv(env: Env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: path.join(env.WAYFINDER_DATA_DIR ?? ".data", "pglite") };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return "postgresql";
  return target.dataDir ? `embedded (${target.dataDir})` : "embedded (in memory)";
}
