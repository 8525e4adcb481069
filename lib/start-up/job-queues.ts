import type { PgBoss } from "pg-boss";
import { backfillQueue } from "@/lib/changes/backfill-jobs";
import { lintQueue } from "@/lib/lint/lint-jobs";
import type { Database } from "@/lib/platform/db/open-database";
import { startQueues, type QueueOptions } from "@/lib/platform/jobs/job-queue";
import { sourceRefreshQueue } from "@/lib/sources/source-refresh-jobs";
import { webhookDeliveryQueue } from "@/lib/webhooks/webhook-jobs";

/** The portal's job queue with every domain's queue: URL sources, lint, webhook deliveries, changes to backfill. */
export function startJobQueue(database: Database, options: QueueOptions = {}): Promise<PgBoss> {
  return startQueues(database, [sourceRefreshQueue(options), lintQueue(options), webhookDeliveryQueue(), backfillQueue(options)]);
}
