import type { JobResult, PgBoss } from "pg-boss";
import type { Db } from "@/lib/platform/db/types";
import { logger } from "@/lib/platform/logger";
import { refreshSource } from "@/lib/sources/refresh-source";
import { statelyQueue, type QueueOptions } from "@/lib/platform/jobs/job-queue";
import { timeJob } from "@/lib/platform/telemetry/time-job";

/** Refreshing one URL source (its id is the job's key). */
export const SOURCE_REFRESH = "source-refresh";
export const sourceRefreshQueue = (options?: QueueOptions) => statelyQueue(SOURCE_REFRESH, options);

interface SourceRefreshJob {
  sourceId: string;
}

/**
 * Claims the URL sources that are due and queues a refresh job for each. Claiming moves each one's
 * next poll a whole interval forward under FOR UPDATE SKIP LOCKED, so however many processes run this
 * on one database, each source is queued once per interval; the job's key (the source id) keeps a
 * source from being queued twice while a refresh is waiting or running. Returns how many were queued.
 */
export async function queueDueSources(db: Db, boss: PgBoss, limit = 500): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "SpecSource" SET "nextPollAt" = now() + make_interval(mins => "pollIntervalMinutes")
    WHERE id IN (SELECT id FROM "SpecSource" WHERE "nextPollAt" <= now() ORDER BY "nextPollAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (!claimed.length) return 0;
  await boss.insert(
    SOURCE_REFRESH,
    claimed.map(({ id }) => ({ data: { sourceId: id } satisfies SourceRefreshJob, singletonKey: id })),
  );
  return claimed.length;
}

/** Jobs one worker takes at a time; while batches come back full it fetches again at once. */
const BATCH_SIZE = 5;

/**
 * Refreshes sources from the queue: `concurrency` workers in this process, each taking up to five
 * jobs at a time and fetching again at once while there is more (pg-boss's burst mode), so a backlog
 * is not paced by the idle polling interval. Each job is settled on its own: a refresh that failed for
 * a reason that may pass (the server down, a timeout, the database away) fails its job, which pg-boss
 * retries with backoff; an invalid document is recorded on the source and not retried.
 */
export async function workSourceRefreshes(db: Db, boss: PgBoss, concurrency: number): Promise<void> {
  await boss.work<SourceRefreshJob>(
    SOURCE_REFRESH,
    { localConcurrency: concurrency, batchSize: BATCH_SIZE, burstWhenBatchFull: true, pollingIntervalSeconds: 1, perJobResults: true },
    async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        try {
          const outcome = await timeJob(SOURCE_REFRESH, () => refreshSource(db, job.data.sourceId));
          if (outcome.status === "failed" && outcome.retryable) {
            logger.warn({ event: "source.retry", sourceId: job.data.sourceId, error: outcome.error }, "source refresh failed; pg-boss retries it");
            results.push({ id: job.id, status: "failed", output: { error: outcome.error } });
          } else results.push({ id: job.id, status: "completed" });
        } catch (error) {
          // The source may have been removed since it was queued: nothing left to do.
          if ((error as { code?: string }).code === "P2025") results.push({ id: job.id, status: "completed" });
          else results.push({ id: job.id, status: "failed", output: { error: (error as Error).message } });
        }
      }
      return results;
    },
  );
}
