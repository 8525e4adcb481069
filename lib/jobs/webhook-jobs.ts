import type { JobWithMetadata, PgBoss } from "pg-boss";
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

/**
 * Delivers: each job is one attempt; a failed attempt fails the job, which the queue retries with
 * backoff, until the last attempt, which records the delivery as failed and completes the job.
 */
export async function workDeliveries(db: Db, boss: PgBoss, concurrency = 4): Promise<void> {
  const settings = webhookSettings();
  await boss.work<DeliveryJob>(
    WEBHOOK_DELIVERY,
    { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true },
    async ([first]) => {
      // includeMetadata: the job says which retry this is (the explicit data type keeps TypeScript from seeing it).
      const job = first as JobWithMetadata<DeliveryJob> | undefined;
      if (!job) return;
      const outcome = await attemptDelivery(db, job.data.deliveryId, settings, { last: job.retryCount >= job.retryLimit });
      if (outcome === "retry") throw new Error("delivery failed; the queue retries it");
    },
  );
}
