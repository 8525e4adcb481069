import type { PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/types";
import { logger } from "@/lib/logger";
import { refreshSource } from "@/lib/sources/refresh-source";
import { SOURCE_REFRESH } from "./job-queue";

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

/**
 * Refreshes sources from the queue, `concurrency` at a time in this process. A refresh that failed
 * for a reason that may pass (the server down, a timeout, the database away) fails the job, so pg-boss
 * retries it with backoff; an invalid document is recorded on the source and not retried.
 */
export async function workSourceRefreshes(db: Db, boss: PgBoss, concurrency: number): Promise<void> {
  await boss.work<SourceRefreshJob>(SOURCE_REFRESH, { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const outcome = await refreshSource(db, job.data.sourceId).catch((error: unknown) => {
      // The source may have been removed since it was queued: nothing to do.
      if ((error as { code?: string }).code === "P2025") return null;
      throw error;
    });
    if (outcome?.status === "failed" && outcome.retryable) {
      logger.warn({ event: "source.retry", sourceId: job.data.sourceId, error: outcome.error }, "source refresh failed; pg-boss retries it");
      throw new Error(outcome.error);
    }
  });
}
