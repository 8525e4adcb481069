import type { JobResult, JobWithMetadata, PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/types";
import { attemptDelivery } from "@/lib/webhooks/deliver-webhook";
import { webhookSettings } from "@/lib/webhooks/webhook-settings";
import { WEBHOOK_DELIVERY } from "./job-queue";

interface DeliveryJob {
  deliveryId: string;
}

/**
 * Hands pending deliveries no one has queued yet to the job queue, claiming each (queuedAt) so that
 * however many processes look, each is queued once. Returns how many.
 */
export async function queueDeliveries(db: Db, boss: PgBoss, limit = 500): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "WebhookDelivery" SET "queuedAt" = now()
    WHERE id IN (SELECT id FROM "WebhookDelivery" WHERE status = 'pending' AND "queuedAt" IS NULL ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (!claimed.length) return 0;
  await boss.insert(
    WEBHOOK_DELIVERY,
    claimed.map(({ id }) => ({ data: { deliveryId: id } satisfies DeliveryJob, singletonKey: id })),
  );
  return claimed.length;
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
            const outcome = await attemptDelivery(db, job.data.deliveryId, settings, { last: job.retryCount >= job.retryLimit });
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
