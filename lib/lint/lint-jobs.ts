import type { PgBoss } from "pg-boss";
import type { Db } from "@/lib/platform/db/types";
import { lintVersion, versionsToLint } from "@/lib/lint/lint-version";
import { eventVersionsToLint, lintEventVersion } from "./lint-event-version";
import { recomputeScorecards } from "@/lib/scorecards/recompute-scorecards";
import { statelyQueue, type QueueOptions } from "@/lib/platform/jobs/job-queue";
import { timeJob } from "@/lib/platform/telemetry/time-job";

/** Linting a stored version against the house ruleset (the version's id is the job's key). */
export const LINT_VERSION = "lint-version";
export const lintQueue = (options?: QueueOptions) => statelyQueue(LINT_VERSION, options);

/** An HTTP version or an event version to lint. */
type LintJob = { apiVersionId: string } | { eventVersionId: string };

/**
 * Queues a lint for each version that has no report under the current ruleset. The version id is the
 * job's key, so a version waiting or being linted is not queued twice, however many processes look.
 * Publishing needs no hook: whatever published it (upload, CI, a URL source, the seed), the next look
 * finds it. Returns how many were queued.
 */
export async function queueLints(db: Db, boss: PgBoss): Promise<number> {
  const jobs = [
    ...(await versionsToLint(db)).map((apiVersionId) => ({ data: { apiVersionId } satisfies LintJob, singletonKey: apiVersionId })),
    ...(await eventVersionsToLint(db)).map((eventVersionId) => ({ data: { eventVersionId } satisfies LintJob, singletonKey: `event:${eventVersionId}` })),
  ];
  if (!jobs.length) return 0;
  await boss.insert(LINT_VERSION, jobs);
  return jobs.length;
}

/**
 * Lints queued versions, one at a time in this process (each in a thread of its own, see
 * lint-isolated.ts), then recomputes the service's scorecard, which the lint report feeds.
 */
export async function workLints(db: Db, boss: PgBoss): Promise<void> {
  await boss.work<LintJob>(LINT_VERSION, { localConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await timeJob(LINT_VERSION, async () => {
      const linted = "eventVersionId" in job.data ? await lintEventVersion(db, job.data.eventVersionId) : await lintVersion(db, job.data.apiVersionId);
      if (linted) await recomputeScorecards(db, { serviceIds: [linted.serviceId] });
    });
  });
}
