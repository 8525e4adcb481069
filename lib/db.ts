import "server-only";
import { databaseTargetFromEnv, describeTarget } from "@/lib/db/database-target";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { seedDemo, syncOwnDocument } from "@/lib/demo/seed-demo";
import { pendingMigrations } from "@/lib/db/pending-migrations";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * Opens the database once per server process: applies pending migrations, loads the demo company into
 * an empty embedded database (or wherever WAYFINDER_DEMO=true), and keeps Wayfinder's own catalogue
 * entry in step with the API this build serves. Kept on globalThis so that dev-mode reloads and the
 * several bundles Next.js builds share one PGlite instance, which must be opened only once.
 */
async function startDatabase(): Promise<Database> {
  const config = env();
  const target = databaseTargetFromEnv(config);
  const started = performance.now();
  // WAYFINDER_MIGRATE_ON_START=false: migrations run as a release step (`npm run db:migrate`) instead,
  // and until they have, the server reports the database as unavailable rather than serving errors.
  const migrate = config.WAYFINDER_MIGRATE_ON_START ?? true;
  const db = await openDatabase(target, { migrate });
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
  const seedDemoData = config.WAYFINDER_DEMO ?? target.kind === "pglite";
  if (seedDemoData && (await db.prisma.service.count()) === 0) {
    const counts = await db.prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000 });
    logger.info({ event: "db.seeded", ...counts }, "loaded the demo company");
  }
  await syncOwnDocument(db.prisma);
  logger.info({ event: "db.ready", database: describeTarget(target), ms: Math.round(performance.now() - started) }, "database ready");
  return db;
}

const holder = globalThis as typeof globalThis & { __wayfinderDb?: Promise<Database> };

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
