import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";

export const FRESHNESS_WINDOW_DAYS = 90;

interface Row {
  slug: string | null;
  name: string | null;
  versions: number;
  p50: number;
  p90: number;
}

/**
 * Docs freshness, a DX-SLO: for each version published in the last 90 days with its commit's time
 * (`wayfinder publish` sends it), the time from that commit to the version being published, diffed and
 * linted (the lint report's time; diffing happens as it is published). Per service and for the
 * company, median and 90th percentile in seconds; versions not linted yet are not counted.
 */
export async function docsFreshness(db: Db, actor: Actor, now = new Date()) {
  assertMayRead(actor);
  const since = new Date(now.getTime() - FRESHNESS_WINDOW_DAYS * 86_400_000);
  const rows = await db.$queryRaw<Row[]>`
    WITH fresh AS (
      SELECT s.slug, s.name, EXTRACT(EPOCH FROM (GREATEST(l."lintedAt", v."createdAt") - v."committedAt")) AS seconds
      FROM "ApiVersion" v
      JOIN "Service" s ON s.id = v."serviceId"
      JOIN "LintReport" l ON l."apiVersionId" = v.id
      WHERE v."committedAt" IS NOT NULL AND v."pendingSince" IS NULL AND v."createdAt" >= ${since} AND s."archivedAt" IS NULL
    )
    SELECT slug, name, count(*)::int AS versions,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 AS p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::float8 AS p90
    FROM fresh GROUP BY GROUPING SETS ((slug, name), ())
    ORDER BY p90 DESC`;
  const company = rows.find((row) => row.slug === null) ?? null;
  return {
    company: company ? { versions: company.versions, p50Seconds: Math.max(0, company.p50), p90Seconds: Math.max(0, company.p90) } : null,
    services: rows
      .filter((row) => row.slug !== null)
      .map((row) => ({ slug: row.slug!, name: row.name!, versions: row.versions, p50Seconds: Math.max(0, row.p50), p90Seconds: Math.max(0, row.p90) })),
  };
}
