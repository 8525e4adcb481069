import { fromPrisma, type JobResult, type JobWithMetadata, type PgBoss } from "pg-boss";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { attemptDelivery } from "@/lib/webhooks/deliver-webhook";
import { webhookSettings } from "@/lib/webhooks/webhook-settings";
import type { Queue } from "@/lib/platform/jobs/job-queue";
import { timeJob } from "@/lib/platform/telemetry/time-job";

/** Delivering one webhook event to one endpoint. */
export const WEBHOOK_DELIVERY = "webhook-delivery";

/**
 * Webhook deliveries: retried by the queue with exponential backoff (retryDelay · 2^n, with jitter),
 * up to an hour apart, until the attempts run out.
 */
export function webhookDeliveryQueue(): Queue {
  const hooks = webhookSettings();
  return {
    name: WEBHOOK_DELIVERY,
    policy: "stately",
    retryLimit: hooks.attempts - 1,
    retryDelay: hooks.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 120,
    deleteAfterSeconds: 86_400,
  };
}

interface DeliveryJob {
  deliveryId: string;
}

/**
 * Hands pending deliveries no one has queued yet to the job queue, claiming each (queuedAt) so that
 * however many processes look, each is queued once. The claim and the jobs commit together: a failure
 * between them (the process killed, the queue's insert refused) leaves the deliveries unclaimed for
 * the next look, never marked queued without a job. Returns how many.
 */
export async function queueDeliveries(db: Db, boss: PgBoss, limit = 500, perTeam = webhookSettings().perTeamInFlight): Promise<number> {
  // pg-boss reads the queue's settings through its own connection the first time: done now, outside
  // the transaction (on the embedded database, its one session would wait for that transaction).
  await boss.insert(WEBHOOK_DELIVERY, []);
  return inTransaction(db, async (tx) => {
    // Fair between teams: each team (an admin's company-wide subscription counts on its own) has at most
    // `perTeam` deliveries queued and unsettled, retries included, so endpoints that never answer hold
    // at most that many workers, and another team's fresh event goes straight to the queue.
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      WITH owner AS (
        SELECT s.id AS "subscriptionId", COALESCE(s."teamId", s.id) AS key
        FROM "WebhookSubscription" s
      ),
      busy AS (
        SELECT owner.key, count(*)::int AS n FROM "WebhookDelivery" d JOIN owner ON owner."subscriptionId" = d."subscriptionId"
        WHERE d.status = 'pending' AND d."queuedAt" IS NOT NULL GROUP BY owner.key
      ),
      ranked AS (
        SELECT d.id, owner.key, row_number() OVER (PARTITION BY owner.key ORDER BY d."createdAt") AS rank
        FROM "WebhookDelivery" d JOIN owner ON owner."subscriptionId" = d."subscriptionId"
        WHERE d.status = 'pending' AND d."queuedAt" IS NULL
      )
      UPDATE "WebhookDelivery" SET "queuedAt" = now()
      WHERE id IN (
        SELECT d.id FROM "WebhookDelivery" d JOIN ranked r ON r.id = d.id LEFT JOIN busy b ON b.key = r.key
        WHERE r.rank + COALESCE(b.n, 0) <= ${perTeam}
        ORDER BY r.rank, d."createdAt" LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)
      RETURNING id`;
    if (!claimed.length) return 0;
    await boss.insert(
      WEBHOOK_DELIVERY,
      claimed.map(({ id }) => ({ data: { deliveryId: id } satisfies DeliveryJob, singletonKey: id })),
      // pg-boss writes the jobs through the same transaction (its Prisma adapter).
      { db: fromPrisma(tx) },
    );
    return claimed.length;
  });
}

/** Jobs one worker takes at a time, delivered together; while batches come back full it fetches again at once. */
const BATCH_SIZE = 8;

/**
 * Delivers: each job is one attempt. `workers` workers in this process each take up to BATCH_SIZE
 * jobs and send them at once (so up to workers × BATCH_SIZE requests are in flight), fetching again
 * at once while there is more (pg-boss's burst mode): a burst of events is not paced by the idle
 * polling interval. A failed attempt fails its job, which the queue retries with backoff, until the
 * last attempt, which records the delivery as failed and completes the job.
 */
export async function workDeliveries(db: Db, boss: PgBoss, workers = 2): Promise<void> {
  const settings = webhookSettings();
  await boss.work<DeliveryJob>(
    WEBHOOK_DELIVERY,
    { localConcurrency: workers, batchSize: BATCH_SIZE, burstWhenBatchFull: true, pollingIntervalSeconds: 1, includeMetadata: true, perJobResults: true },
    async (batch): Promise<JobResult[]> =>
      Promise.all(
        // includeMetadata: each job says which retry it is (the explicit data type hides it from TypeScript).
        (batch as JobWithMetadata<DeliveryJob>[]).map(async (job) => {
          try {
            const outcome = await timeJob(WEBHOOK_DELIVERY, () =>
              attemptDelivery(db, job.data.deliveryId, settings, { last: job.retryCount >= job.retryLimit }),
            );
            return outcome === "retry"
              ? { id: job.id, status: "failed" as const, output: { error: "delivery failed; the queue retries it" } }
              : { id: job.id, status: "completed" as const };
          } catch (error) {
            return { id: job.id, status: "failed" as const, output: { error: (error as Error).message } };
          }
        }),
      ),
  );
}
