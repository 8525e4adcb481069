import type { PgBoss } from "pg-boss";
import type { Db } from "@/lib/platform/db/types";
import { statelyQueue, type QueueOptions } from "@/lib/platform/jobs/job-queue";
import { logger } from "@/lib/platform/logger";
import { backfillChanges, versionsWithoutChanges } from "./backfill-changes";
import { timeJob } from "@/lib/platform/telemetry/time-job";

/** Classifying the changes of a version stored without them (the version's id is the job's key). */
export const BACKFILL_CHANGES = "backfill-changes";
export const backfillQueue = (options?: QueueOptions) => statelyQueue(BACKFILL_CHANGES, options);

type BackfillJob = Awaited<ReturnType<typeof versionsWithoutChanges>>[number];

/** Queues each version that has a base but no classified changes; the version id is the key, so none is queued twice. */
export async function queueBackfills(db: Db, boss: PgBoss): Promise<number> {
  const found = await versionsWithoutChanges(db);
  if (!found.length) return 0;
  await boss.insert(
    BACKFILL_CHANGES,
    found.map((backfill) => ({ data: backfill satisfies BackfillJob, singletonKey: backfill.id })),
  );
  return found.length;
}

/** Works the backfill queue, one version at a time in this process. */
export async function workBackfills(db: Db, boss: PgBoss): Promise<void> {
  await boss.work<BackfillJob>(BACKFILL_CHANGES, { localConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    if (await timeJob(BACKFILL_CHANGES, () => backfillChanges(db, job.data)))
      logger.info({ event: "changes.backfilled", apiVersionId: job.data.id, base: job.data.base.version }, "classified a stored version's changes");
  });
}
