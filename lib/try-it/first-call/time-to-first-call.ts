import { summarizeSamples, type Sample } from "@/lib/platform/stats/summarize-samples";
import type { Db } from "@/lib/platform/db/types";

export interface TimeToFirstCall {
  serviceId: string;
  /** Median and 90th percentile, in seconds. */
  p50Seconds: number;
  p90Seconds: number;
  /** How many people's first successful call the figures cover. */
  people: number;
}

/** The window the figures cover: journeys whose first successful call falls in the last 90 days. */
export const TTFC_WINDOW_DAYS = 90;

/**
 * Each person's time to a first successful call with each service: from the first time they opened
 * the service's docs to their first 2xx through the proxy or the mock after it, for first successes
 * between `since` and `now`. `serviceSlug` narrows it to one service.
 */
export async function firstCallSamples(db: Db, options: { serviceSlug?: string; since: Date; now: Date }): Promise<Sample[]> {
  const rows = await db.$queryRaw<{ serviceId: string; at: Date; seconds: number }[]>`
    WITH opened AS (
      SELECT "userId", "serviceId", MIN("occurredAt") AS at FROM "TryEvent"
      WHERE "kind" = 'docs_opened'
        AND (${options.serviceSlug ?? null}::text IS NULL OR "serviceId" = (SELECT "id" FROM "Service" WHERE "slug" = ${options.serviceSlug ?? null}::text))
      GROUP BY "userId", "serviceId"
    ), first_success AS (
      SELECT e."userId", e."serviceId", MIN(e."occurredAt") AS at, MIN(o.at) AS opened_at
      FROM "TryEvent" e JOIN opened o ON o."userId" = e."userId" AND o."serviceId" = e."serviceId"
      WHERE e."kind" = 'call' AND e."status" BETWEEN 200 AND 299 AND e."occurredAt" >= o.at
      GROUP BY e."userId", e."serviceId"
    )
    SELECT "serviceId", at, EXTRACT(EPOCH FROM (at - opened_at))::float8 AS seconds
    FROM first_success WHERE at >= ${options.since} AND at <= ${options.now}`;
  return rows.map((row) => ({ serviceId: row.serviceId, at: row.at, value: Number(row.seconds) }));
}

/** Time to first successful call per service: the median and 90th percentile over the people whose first success falls in the window. */
export async function timeToFirstCall(db: Db, options: { serviceSlug?: string; now?: Date } = {}): Promise<TimeToFirstCall[]> {
  const now = options.now ?? new Date();
  const samples = await firstCallSamples(db, { serviceSlug: options.serviceSlug, since: new Date(now.getTime() - TTFC_WINDOW_DAYS * 86_400_000), now });
  const { byService } = summarizeSamples(samples, new Map(), now, TTFC_WINDOW_DAYS);
  return [...byService].map(([serviceId, figure]) => ({ serviceId, p50Seconds: figure.p50, p90Seconds: figure.p90, people: figure.count }));
}
