import type { Sample } from "@/lib/platform/stats/summarize-samples";
import type { Db } from "@/lib/platform/db/types";

/** What a serialization defect is: a response's body, headers or media type not as documented. */
const DEFECT_KINDS = ["body", "header", "media-type"];

export interface CheckedRelease {
  serviceId: string;
  version: string;
  revision: number;
  publishedAt: Date;
  /** Exchanges checked by every source. */
  checked: number;
  defects: number;
}

/**
 * Serialization defects per release, a DX-SLO: for each version published in the window that anything
 * checked (Try it out, verify, traffic; lib/conformance), the distinct body, header and media-type
 * mismatches found (one found by two sources counts once). Unchecked releases are left out, not
 * counted as clean.
 */
export async function checkedReleases(db: Db, since: Date, now: Date): Promise<CheckedRelease[]> {
  return db.$queryRaw<CheckedRelease[]>`
    SELECT v."serviceId", v.version, v.revision, v."createdAt" AS "publishedAt",
      (SELECT coalesce(sum(r.exchanges), 0) FROM "ConformanceRun" r WHERE r."versionId" = v.id)::int AS checked,
      (SELECT count(DISTINCT (f.operation, f.kind, f.pointer, f.rule)) FROM "ConformanceFinding" f
        WHERE f."versionId" = v.id AND f.kind = ANY(${DEFECT_KINDS}))::int AS defects
    FROM "ApiVersion" v JOIN "Service" s ON s.id = v."serviceId"
    WHERE v."pendingSince" IS NULL AND s."archivedAt" IS NULL AND v."createdAt" BETWEEN ${since} AND ${now}
      AND EXISTS (SELECT 1 FROM "ConformanceRun" r WHERE r."versionId" = v.id)
    ORDER BY defects DESC, v."createdAt" DESC`;
}

/** Each checked release as a sample: its defects, at its publication. */
export function defectSamples(releases: CheckedRelease[]): Sample[] {
  return releases.map((release) => ({ serviceId: release.serviceId, at: release.publishedAt, value: release.defects }));
}
