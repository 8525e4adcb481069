import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/open-database";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startJobQueue } from "./job-queue";
import { queueDueSources, workSourceRefreshes } from "./source-refresh-jobs";

export interface BackgroundWork {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Starts this process's share of the background work: the queue, WAYFINDER_WORKER_CONCURRENCY source
 * refreshes at a time, and every WAYFINDER_POLL_SECONDS a look for due sources (claimed atomically, so
 * any number of processes can look). Web instances do this unless WAYFINDER_WORKER=false; `npm run
 * worker` does only this.
 */
export async function startBackgroundWork(database: Database): Promise<BackgroundWork> {
  const config = env();
  const boss = await startJobQueue(database);
  await workSourceRefreshes(database.prisma, boss, config.WAYFINDER_WORKER_CONCURRENCY ?? 4);
  const seconds = config.WAYFINDER_POLL_SECONDS ?? 30;
  let timer: NodeJS.Timeout | undefined;
  if (seconds > 0) {
    let running = false;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      queueDueSources(database.prisma, boss)
        .then((count) => count && logger.info({ event: "source.queued", count }, "queued due URL sources"))
        .catch((error: Error) => logger.error({ event: "source.queue_failed", error: error.message }, "queueing due URL sources failed"))
        .finally(() => (running = false));
    }, seconds * 1000);
    timer.unref();
  }
  logger.info({ event: "jobs.started", concurrency: config.WAYFINDER_WORKER_CONCURRENCY ?? 4, pollSeconds: seconds }, "background work started");
  return {
    boss,
    async stop() {
      clearInterval(timer);
      // Lets running refreshes finish; what is left stays queued for the next start.
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
