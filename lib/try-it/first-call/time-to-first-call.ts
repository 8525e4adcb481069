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
 * Time to first successful call, per service: for each person, from the first time they opened the
 * service's docs to their first 2xx through the proxy or the mock after it; the median and 90th
 * percentile over the people whose first success falls in the window. `serviceSlug` narrows it to one.
 */
export async function timeToFirstCall(db: Db, options: { serviceSlug?: string; now?: Date } = {}): Promise<TimeToFirstCall[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - TTFC_WINDOW_DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ serviceId: string; p50: number; p90: number; people: bigint | number }[]>`
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
    SELECT "serviceId",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (at - opened_at)))::float8 AS p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (at - opened_at)))::float8 AS p90,
      COUNT(*) AS people
    FROM first_success WHERE at >= ${since} AND at <= ${now}
    GROUP BY "serviceId"`;
  return rows.map((row) => ({ serviceId: row.serviceId, p50Seconds: Number(row.p50), p90Seconds: Number(row.p90), people: Number(row.people) }));
}
