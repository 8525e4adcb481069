/**
 * `npm run worker`: background work only (URL source refreshes, and what later jobs need), for
 * deployments on PostgreSQL that run workers apart from the web instances (those can then set
 * WAYFINDER_WORKER=false). Stops gracefully on SIGTERM/SIGINT: running jobs finish, the rest stay queued.
 */
import { databaseTargetFromEnv, describeTarget } from "@/lib/platform/db/database-target";
import { openDatabase } from "@/lib/platform/db/open-database";
import { env } from "@/lib/platform/env";
import { startBackgroundWork } from "@/lib/start-up/background-work";
import { logger } from "@/lib/platform/logger";

let config;
try {
  config = env();
} catch (error) {
  console.error(`The worker cannot start. ${(error as Error).message}`);
  process.exit(1);
}
const target = databaseTargetFromEnv(config);
if (target.kind === "pglite") {
  console.error("The worker runs inside `npm start` on the embedded database (one process holds it). Set DATABASE_URL to run workers on their own.");
  process.exit(2);
}
const database = await openDatabase(target, { migrate: config.WAYFINDER_MIGRATE_ON_START ?? true });
const work = await startBackgroundWork(database);
logger.info({ event: "worker.ready", database: describeTarget(target) }, "worker ready");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "worker.stopping", signal }, "stopping: letting running jobs finish");
    void work
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
