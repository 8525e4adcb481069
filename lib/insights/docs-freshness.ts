import type { Sample } from "@/lib/platform/stats/summarize-samples";
import type { Db } from "@/lib/platform/db/types";

/**
 * Docs freshness, a DX-SLO: for each version published with its commit's time (`wayfinder publish`
 * sends it), the seconds from that commit to the version being published, diffed and linted (the lint
 * report's time; diffing happens as it is published), taken when it was linted. Versions not linted
 * yet are not counted.
 */
export async function freshnessSamples(db: Db, since: Date, now: Date): Promise<Sample[]> {
  const rows = await db.$queryRaw<{ serviceId: string; at: Date; seconds: number }[]>`
    SELECT v."serviceId", GREATEST(l."lintedAt", v."createdAt") AS at,
      GREATEST(0, EXTRACT(EPOCH FROM (GREATEST(l."lintedAt", v."createdAt") - v."committedAt")))::float8 AS seconds
    FROM "ApiVersion" v
    JOIN "Service" s ON s.id = v."serviceId"
    JOIN "LintReport" l ON l."apiVersionId" = v.id
    WHERE v."committedAt" IS NOT NULL AND v."pendingSince" IS NULL AND s."archivedAt" IS NULL
      AND GREATEST(l."lintedAt", v."createdAt") BETWEEN ${since} AND ${now}`;
  return rows.map((row) => ({ serviceId: row.serviceId, at: row.at, value: Number(row.seconds) }));
}
