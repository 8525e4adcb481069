import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";

export const DEFECTS_WINDOW_DAYS = 90;

/** What a serialization defect is: a response's body, headers or media type not as documented. */
const DEFECT_KINDS = ["body", "header", "media-type"];

/**
 * Serialization defects per release, a DX-SLO: for each version published in the last 90 days that
 * anything checked (Try it out, verify, traffic; lib/conformance), the distinct body, header and
 * media-type mismatches found (one found by two sources counts once). Unchecked releases are not counted as clean: they are left out.
 */
export async function serializationDefects(db: Db, actor: Actor, now = new Date()) {
  assertMayRead(actor);
  const since = new Date(now.getTime() - DEFECTS_WINDOW_DAYS * 86_400_000);
  const releases = await db.$queryRaw<{ slug: string; name: string; version: string; revision: number; publishedAt: Date; checked: number; defects: number }[]>`
    SELECT s.slug, s.name, v.version, v.revision, v."createdAt" AS "publishedAt",
      (SELECT coalesce(sum(r.exchanges), 0) FROM "ConformanceRun" r WHERE r."versionId" = v.id)::int AS checked,
      (SELECT count(DISTINCT (f.operation, f.kind, f.pointer, f.rule)) FROM "ConformanceFinding" f
        WHERE f."versionId" = v.id AND f.kind = ANY(${DEFECT_KINDS}))::int AS defects
    FROM "ApiVersion" v JOIN "Service" s ON s.id = v."serviceId"
    WHERE v."pendingSince" IS NULL AND s."archivedAt" IS NULL AND v."createdAt" >= ${since}
      AND EXISTS (SELECT 1 FROM "ConformanceRun" r WHERE r."versionId" = v.id)
    ORDER BY defects DESC, v."createdAt" DESC
    LIMIT 200`;
  const total = releases.reduce((sum, release) => sum + release.defects, 0);
  return {
    company: releases.length ? { releases: releases.length, perRelease: total / releases.length } : null,
    releases: releases.map((release) => ({ ...release, publishedAt: release.publishedAt.toISOString() })),
  };
}
