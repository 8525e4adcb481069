import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { observeQuery } from "@/lib/platform/telemetry/tracer";
import { PrismaClient } from "@/generated/prisma/client";
import { AppError } from "@/lib/platform/errors";
import { logger, redactUrl } from "@/lib/platform/logger";
import { gaugeReadOnScrape } from "@/lib/platform/metrics";
import type { DatabaseTarget } from "./database-target";
import { applyMigrations } from "./migrations";
import { newPglite, pgliteAdapter } from "./embedded-postgres";
import { openPglite } from "./open-pglite";

export interface Database {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The driver adapter under the client; the schema engine uses it too. */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Names of the migrations applied while opening (empty when the schema was up to date). */
  appliedMigrations: string[];
  /** The embedded database itself, when that is the target: the job queue talks to it directly. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

// node-postgres waits forever for an unreachable host by default; fail instead, and let the caller retry.
const CONNECT_TIMEOUT_MS = 5_000;

// Any constant works; it only has to be the same in every instance sharing the database.
const MIGRATION_LOCK_KEY = 74_201_113;

/** Runs `work` while holding a session advisory lock, so that instances starting together migrate one at a time. */
async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect().catch((error: Error) => {
    throw new AppError("DATABASE_UNAVAILABLE", `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${error.message}`, undefined, { cause: error });
  });
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Opens the database the target names, applies pending migrations from prisma/migrations (unless
 * `migrate` is false) and returns a Prisma Client bound to it through a driver adapter.
 */
export async function openDatabase(target: DatabaseTarget, options: { migrate?: boolean; observeQueries?: boolean } = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  let factory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let appliedMigrations: string[] = [];
  let pgliteInstance: PGlite | null = null;

  if (target.kind === "pglite") {
    const pglite = target.dataDir ? await openPglite(target.dataDir) : newPglite(undefined, target.image ? { loadDataDir: target.image } : {});
    pgliteInstance = pglite;
    factory = pgliteAdapter(pglite);
    closeDriver = () => pglite.close();
    if (migrate) appliedMigrations = await applyMigrations(factory);
  } else {
    const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection the server ends (a restart, a failover, an administrator) is an `error` event
    // on the pool; unheard, it would end the process. The pool drops that client and opens another.
    pool.on("error", (error) =>
      logger.warn({ event: "db.idle_connection_lost", error: error.message }, "an idle database connection was closed by the server"),
    );
    // The pool's state for /metrics: connections open, idle, and callers waiting for one.
    gaugeReadOnScrape("wayfinder_db_pool_connections", "PostgreSQL pool connections, by state (total, idle, waiting).", ["state"], () => [
      { labels: { state: "total" }, value: pool.totalCount },
      { labels: { state: "idle" }, value: pool.idleCount },
      { labels: { state: "waiting" }, value: pool.waitingCount },
    ]);
    factory = new PrismaPg(pool);
    // A pool handed to the adapter is the caller's to end.
    closeDriver = () => pool.end().catch(() => undefined);
    if (migrate) appliedMigrations = await withMigrationLock(target.url, () => applyMigrations(factory));
  }

  const prisma = new PrismaClient({ adapter: factory, ...(options.observeQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}) });
  // Each query timed in /metrics and traced under the request or job that ran it (lib/platform/telemetry/tracer.ts).
  if (options.observeQueries)
    prisma.$on("query" as never, (event: { query: string; duration: number }) =>
      observeQuery(event.query, event.duration, target.kind === "pglite" ? "pglite" : "postgresql"),
    );
  return {
    prisma,
    target,
    factory,
    appliedMigrations,
    pglite: pgliteInstance,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
