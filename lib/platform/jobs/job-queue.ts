import { fromPglite, PgBoss, type Queue } from "pg-boss";
import type { Database } from "@/lib/platform/db/open-database";
import { logger } from "@/lib/platform/logger";
import { gaugeReadOnScrape } from "@/lib/platform/metrics";

/**
 * Background work runs on pg-boss, a job queue kept in the portal's own database (schema `pgboss`):
 * jobs survive restarts, are retried with backoff, deduplicated by key, and shared by every process on
 * one PostgreSQL database. On the embedded database it uses the same PGlite instance through
 * pg-boss's own adapter, so `npm start` needs nothing else. (graphile-worker would need PostgreSQL.)
 * Which queues there are is for the domains that own them (lib/start-up/job-queues.ts lists them).
 */
export type { Queue };

export interface QueueOptions {
  /** Seconds before the first retry of a failed job; doubled for each retry after it. */
  retryDelaySeconds?: number;
  retryLimit?: number;
}

/**
 * One job per key queued and one active at most ("stately" with the key, e.g. a source's id): what is
 * already waiting or running is not queued twice. Retried with backoff.
 */
export function statelyQueue(name: string, options: QueueOptions = {}): Queue {
  return {
    name,
    policy: "stately",
    retryLimit: options.retryLimit ?? 2,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 300,
    deleteAfterSeconds: 86_400,
  };
}

/** Starts pg-boss on the portal's database and creates (or updates) the given queues. */
export async function startQueues(database: Database, queues: Queue[]): Promise<PgBoss> {
  // No job of Wayfinder's waits on another (pg-boss's "flows"), yet the resolver of those claims its turn with
  // a write every 5 s by default: once a minute keeps a quiet database quiet, so the pages readers not
  // signed in share, kept per write position of the database (lib/pages/shared-page-state.ts), stay kept.
  const common = { schema: "pgboss", schedule: false, flowIntervalSeconds: 60 };
  const boss =
    database.target.kind === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(database.pglite!), backend: "pglite", supervise: true })
      : new PgBoss({ ...common, connectionString: database.target.url, max: 4, application_name: "wayfinder-jobs" });
  boss.on("error", (error: Error) => logger.error({ event: "jobs.error", error: error.message }, "job queue error"));
  await boss.start();
  // Queue depth for /metrics: jobs ready, deferred, running and recently failed, per queue.
  gaugeReadOnScrape("wayfinder_job_queue_jobs", "Jobs in each background queue, by state.", ["queue", "state"], async () =>
    (await boss.getQueues(queues.map((queue) => queue.name))).flatMap((queue) =>
      (["ready", "deferred", "active", "failed"] as const).map((state) => ({ labels: { queue: queue.name, state }, value: queue[`${state}Count`] })),
    ),
  );
  for (const { name, policy, ...settings } of queues) {
    // A queue's policy is fixed when it is created; its other settings follow the code on every start.
    if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
    else await boss.createQueue(name, { policy, ...settings });
  }
  return boss;
}
