import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "@/lib/db/open-database";
import { logger } from "@/lib/logger";
import { webhookSettings } from "@/lib/webhooks/webhook-settings";

/**
 * Background work runs on pg-boss, a job queue kept in the portal's own database (schema `pgboss`):
 * jobs survive restarts, are retried with backoff, deduplicated by key, and shared by every process on
 * one PostgreSQL database. On the embedded database it uses the same PGlite instance through
 * pg-boss's own adapter, so `npm start` needs nothing else. (graphile-worker would need PostgreSQL.)
 */
export const SOURCE_REFRESH = "source-refresh";
/** Linting a stored version against the house ruleset (lib/jobs/lint-jobs.ts). */
export const LINT_VERSION = "lint-version";
/** Delivering one webhook event to one endpoint (lib/jobs/webhook-jobs.ts). */
export const WEBHOOK_DELIVERY = "webhook-delivery";

export interface QueueOptions {
  /** Seconds before the first retry of a failed job; doubled for each retry after it. */
  retryDelaySeconds?: number;
  retryLimit?: number;
}

export async function startJobQueue(database: Database, options: QueueOptions = {}): Promise<PgBoss> {
  const boss =
    database.target.kind === "pglite"
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: "pglite", schema: "pgboss", supervise: true, schedule: false })
      : new PgBoss({ connectionString: database.target.url, schema: "pgboss", max: 4, application_name: "wayfinder-jobs", schedule: false });
  boss.on("error", (error: Error) => logger.error({ event: "jobs.error", error: error.message }, "job queue error"));
  await boss.start();
  // One job per source queued and one active at most ("stately" with the source id as the key): a
  // source that is already waiting or being refreshed is not queued twice.
  const queue = {
    policy: "stately",
    retryLimit: options.retryLimit ?? 2,
    retryDelay: options.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 300,
    deleteAfterSeconds: 86_400,
  } as const;
  const { policy: _policy, ...settings } = queue;
  for (const name of [SOURCE_REFRESH, LINT_VERSION]) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
    else await boss.createQueue(name, queue);
  }
  // Webhook deliveries: retried by the queue with exponential backoff (retryDelay · 2^n, with jitter),
  // up to an hour apart, until the attempts run out.
  const hooks = webhookSettings();
  const delivery = {
    retryLimit: hooks.attempts - 1,
    retryDelay: hooks.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 120,
    deleteAfterSeconds: 86_400,
  };
  if (await boss.getQueue(WEBHOOK_DELIVERY)) await boss.updateQueue(WEBHOOK_DELIVERY, delivery);
  else await boss.createQueue(WEBHOOK_DELIVERY, { policy: "stately", ...delivery });
  return boss;
}
