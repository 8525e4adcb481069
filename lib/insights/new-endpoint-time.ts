import type { Sample } from "@/lib/platform/stats/summarize-samples";
import type { Db } from "@/lib/platform/db/types";

/**
 * Time to a new endpoint, a DX-SLO: from an operation's first sighting (`wayfinder check` or
 * `wayfinder new endpoint` recorded it: lib/insights/record-endpoint-sightings.ts) to the first
 * published version of its service that has it documented (a summary or description) and a verify
 * run that called it with every response as documented — the later of the version's publication and
 * that run. Operations are compared as lib/consumers/operation-key.ts names them (parameter names
 * aside). Taken when it was done; operations still on their way are not counted.
 */
export async function newEndpointSamples(db: Db, since: Date, now: Date): Promise<Sample[]> {
  const rows = await db.$queryRaw<{ serviceId: string; at: Date; seconds: number }[]>`
    WITH done AS (
      SELECT e."serviceId", e.operation, e."firstSeenAt", MIN(GREATEST(v."createdAt", r."createdAt")) AS at
      FROM "EndpointSighting" e
      JOIN "ApiVersion" v ON v."serviceId" = e."serviceId" AND v."pendingSince" IS NULL
      JOIN "Operation" o ON o."apiVersionId" = v.id AND (o.summary <> '' OR o.description <> '')
        AND upper(o.method) || ' ' || regexp_replace(o.path, '\\{[^}]*\\}', '{}', 'g') = e.operation
      JOIN "ConformanceRun" r ON r."versionId" = v.id AND r.source = 'verify'
        AND e.operation IN (SELECT upper(split_part(p, ' ', 1)) || ' ' || regexp_replace(substr(p, strpos(p, ' ') + 1), '\\{[^}]*\\}', '{}', 'g') FROM unnest(r.passed) AS p)
      GROUP BY e."serviceId", e.operation, e."firstSeenAt"
    )
    SELECT d."serviceId", d.at, GREATEST(0, EXTRACT(EPOCH FROM (d.at - d."firstSeenAt")))::float8 AS seconds
    FROM done d JOIN "Service" s ON s.id = d."serviceId"
    WHERE s."archivedAt" IS NULL AND d.at BETWEEN ${since} AND ${now}`;
  return rows.map((row) => ({ serviceId: row.serviceId, at: row.at, value: Number(row.seconds) }));
}
