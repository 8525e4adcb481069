import type { PgBoss } from "pg-boss";
import type { Database } from "@/lib/platform/db/open-database";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { startJobQueue } from "@/lib/start-up/job-queues";
import { pruneRateLimits } from "@/lib/platform/security/rate-limit";
import { removeAbandonedVersions } from "@/lib/versions/remove-abandoned-versions";
import { recomputeScorecards } from "@/lib/scorecards/recompute-scorecards";
import { announceSunsets } from "@/lib/webhooks/announce-sunsets";
import { queueBackfills, workBackfills } from "@/lib/changes/backfill-jobs";
import { indexUnindexedEventApis } from "@/lib/asyncapi/index-event-api";
import { queueLints, workLints } from "@/lib/lint/lint-jobs";
import { queueDeliveries, workDeliveries } from "@/lib/webhooks/webhook-jobs";
import { queueDueSources, workSourceRefreshes } from "@/lib/sources/source-refresh-jobs";

/** How often to look for versions to lint: a newly published version is linted within seconds. */
const LINT_LOOK_SECONDS = 5;
/** Versions stored without classified changes are rare (older portals, imports): a look a minute. */
const BACKFILL_LOOK_SECONDS = 60;

/** How often to hand new webhook deliveries to the queue: a chat channel hears within seconds. */
const DELIVERY_LOOK_SECONDS = 2;
/** How often to look for services whose sunset comes within 30 days (each is announced once). */
const SUNSET_LOOK_SECONDS = 3600;

/**
 * How often ended throttling windows are dropped (anonymous requests would otherwise grow the table
 * without bound), and versions a publish abandoned half-way are removed.
 */
const RATE_LIMIT_PRUNE_SECONDS = 600;

/** How often every service's scorecard is recomputed (a lint recomputes its service's at once). */
const SCORECARD_SECONDS = 300;

/** Runs `work` now and every `seconds`, never two at once; failures are logged, not thrown. */
function every(seconds: number, work: () => Promise<unknown>): NodeJS.Timeout {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    work()
      .catch((error: Error) => logger.error({ event: "jobs.tick_failed", error: error.message }, "background look failed"))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return timer;
}

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
  await workLints(database.prisma, boss);
  await workBackfills(database.prisma, boss);
  await workDeliveries(database.prisma, boss);
  // Event versions published before search read event APIs: indexed once, in the background.
  void indexUnindexedEventApis(database.prisma).then(
    (count) => count && logger.info({ event: "search.events_indexed", count }, "indexed event APIs for search"),
    (error: Error) => logger.error({ event: "search.events_index_failed", error: error.message }, "could not index event APIs for search"),
  );
  const deliveryTimer = every(DELIVERY_LOOK_SECONDS, () => queueDeliveries(database.prisma, boss));
  const sunsetTimer = every(SUNSET_LOOK_SECONDS, () => announceSunsets(database.prisma));
  const lintTimer = every(LINT_LOOK_SECONDS, () =>
    queueLints(database.prisma, boss).then((count) => count && logger.info({ event: "lint.queued", count }, "queued versions to lint")),
  );
  const backfillTimer = every(BACKFILL_LOOK_SECONDS, () =>
    queueBackfills(database.prisma, boss).then(
      (count) => count && logger.info({ event: "changes.backfill_queued", count }, "queued stored versions to classify"),
    ),
  );
  // Levels also move with time alone (freshness, the change window): all of them, on a schedule.
  const scorecardTimer = every(SCORECARD_SECONDS, () => recomputeScorecards(database.prisma));
  const pruneTimer = every(RATE_LIMIT_PRUNE_SECONDS, () => Promise.all([pruneRateLimits(database.prisma), removeAbandonedVersions(database.prisma)]));
  const seconds = config.WAYFINDER_POLL_SECONDS ?? 30;
  const timer =
    seconds > 0
      ? every(seconds, () =>
          queueDueSources(database.prisma, boss).then((count) => count && logger.info({ event: "source.queued", count }, "queued due URL sources")),
        )
      : undefined;
  logger.info({ event: "jobs.started", concurrency: config.WAYFINDER_WORKER_CONCURRENCY ?? 4, pollSeconds: seconds }, "background work started");
  return {
    boss,
    async stop() {
      clearInterval(timer);
      clearInterval(lintTimer);
      clearInterval(backfillTimer);
      clearInterval(scorecardTimer);
      clearInterval(deliveryTimer);
      clearInterval(sunsetTimer);
      clearInterval(pruneTimer);
      // Lets running refreshes finish; what is left stays queued for the next start.
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
