import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/platform/db/types";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { withImpact } from "@/lib/versions/version-impact";
import { versionBase, violatesSemver } from "@/lib/versions/version-base";

/** A version to backfill and the one it follows: what it would have been compared with when it was published. */
interface Backfill {
  id: string;
  version: string;
  base: { id: string; version: string; revision: number };
}

/**
 * Versions stored with no classified changes though they follow another (stored before diffs existed,
 * or imported so): each with its base, chosen as publishing chooses it among the versions published
 * before it. A service's first version has no base and is never listed, so the look ends.
 */
export async function versionsWithoutChanges(db: Db, limit = 100): Promise<Backfill[]> {
  const missing = await db.apiVersion.findMany({
    where: { pendingSince: null, changes: { equals: Prisma.DbNull } },
    select: { serviceId: true },
    distinct: ["serviceId"],
  });
  const found: Backfill[] = [];
  for (const { serviceId } of missing) {
    const versions = await db.apiVersion.findMany({
      where: { serviceId, pendingSince: null },
      select: { id: true, version: true, revision: true, createdAt: true, changes: true },
      orderBy: { createdAt: "asc" },
    });
    versions.forEach((version, index) => {
      if (version.changes !== null || found.length >= limit) return;
      const base = versionBase(versions.slice(0, index), version.version);
      if (base) found.push({ id: version.id, version: version.version, base: { id: base.id, version: base.version, revision: base.revision } });
    });
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * Compares one version with its base (in a pipeline thread) and stores the result, as publishing
 * would have: base, counts, semantic-versioning verdict and changes, each naming the consumers it
 * touches (as known now). Idempotent: it writes only while
 * the version still has no changes, so a second run, or a version published since, is left alone.
 * Returns whether it wrote.
 */
export async function backfillChanges(db: Db, backfill: Backfill): Promise<boolean> {
  const [base, revision] = await Promise.all(
    [backfill.base.id, backfill.id].map((apiVersionId) => db.apiDocument.findUniqueOrThrow({ where: { apiVersionId }, select: { json: true } })),
  );
  const diffed = await runPipeline("diffStored", { base: base!.json, revision: revision!.json, reach: true });
  const { serviceId } = await db.apiVersion.findUniqueOrThrow({ where: { id: backfill.id }, select: { serviceId: true } });
  const result = await withImpact(db, {
    providerId: serviceId,
    result: diffed,
    revisionVersion: backfill.version,
    baseVersionId: backfill.base.id,
    revision: { versionId: backfill.id },
  });
  const written = await db.apiVersion.updateMany({
    where: { id: backfill.id, changes: { equals: Prisma.DbNull } },
    data: {
      baseVersion: backfill.base.version,
      baseRevision: backfill.base.revision,
      breakingCount: result.summary.breaking,
      warningCount: result.summary.warning,
      infoCount: result.summary.info,
      semverViolation: violatesSemver(backfill.base.version, backfill.version, result.summary.breaking),
      changes: result.changes as unknown as Prisma.InputJsonValue,
    },
  });
  return written.count === 1;
}
