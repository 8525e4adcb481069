import "server-only";
import { databaseTargetFromEnv, describeTarget } from "@/lib/platform/db/database-target";
import { openDatabase, type Database } from "@/lib/platform/db/open-database";
import { pendingMigrations } from "@/lib/platform/db/pending-migrations";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { logger } from "@/lib/platform/logger";

/** What the application does with its database once it is open and migrated, before anyone else uses it. */
export type DatabaseStartUp = (db: Database) => Promise<void>;

const holder = globalThis as typeof globalThis & { __wayfinderDb?: Promise<Database>; __wayfinderDbStartUp?: DatabaseStartUp };

/**
 * Sets the start-up work (lib/start-up/prepare-database.ts: the demo company, Wayfinder's own entry),
 * so that this layer opens and migrates without knowing the domain. Kept on globalThis, as the
 * database is, so that a retry from any of Next.js's bundles runs it too.
 */
export function setDatabaseStartUp(startUp: DatabaseStartUp): void {
  holder.__wayfinderDbStartUp = startUp;
}

/**
 * Opens the database once per server process: applies pending migrations, then runs the start-up
 * work set with `setDatabaseStartUp`. Kept on globalThis so that dev-mode reloads and the several
 * bundles Next.js builds share one PGlite instance, which must be opened only once.
 */
async function startDatabase(): Promise<Database> {
  const config = env();
  const target = databaseTargetFromEnv(config);
  const started = performance.now();
  // WAYFINDER_MIGRATE_ON_START=false: migrations run as a release step (`npm run db:migrate`) instead,
  // and until they have, the server reports the database as unavailable rather than serving errors.
  const migrate = config.WAYFINDER_MIGRATE_ON_START ?? true;
  // Timing every query costs Prisma a formatted event each: only when someone reads the figures.
  const observeQueries = Boolean(config.WAYFINDER_METRICS_TOKEN || config.WAYFINDER_OTLP_ENDPOINT);
  const db = await openDatabase(target, { migrate, observeQueries });
  if (!migrate) {
    const pending = await pendingMigrations(db.prisma);
    if (pending.length) {
      await db.close();
      throw new AppError(
        "DATABASE_UNAVAILABLE",
        `${pending.length} migration${pending.length === 1 ? " is" : "s are"} pending (${pending.join(", ")}); run \`npm run db:migrate\` (WAYFINDER_MIGRATE_ON_START=false).`,
      );
    }
  }
  if (db.appliedMigrations.length) logger.info({ event: "db.migrated", migrations: db.appliedMigrations }, "applied migrations");
  await holder.__wayfinderDbStartUp?.(db);
  logger.info({ event: "db.ready", database: describeTarget(target), ms: Math.round(performance.now() - started) }, "database ready");
  return db;
}

/** The process's database, started on first use. A failed start is retried on the next call. */
export function database(): Promise<Database> {
  holder.__wayfinderDb ??= startDatabase().catch((error: unknown) => {
    holder.__wayfinderDb = undefined;
    throw error;
  });
  return holder.__wayfinderDb;
}

/** The Prisma Client for domain functions. */
export async function getDb() {
  return (await database()).prisma;
}
