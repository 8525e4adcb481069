import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/platform/db/types";
import { byLevel, type Change, type Level } from "@/lib/diff/diff-types";
import { versionDiffSelect } from "@/lib/versions/version-view";
import { tallyConsumers } from "@/lib/diff/tally-consumers";

export interface RecentChangesFilters {
  team?: string;
  level?: Level;
  limit?: number;
  /** Only these services (a person's watched services). */
  serviceIds?: string[];
}

const countColumn: Record<Level, "breakingCount" | "warningCount" | "infoCount"> = { breaking: "breakingCount", warning: "warningCount", info: "infoCount" };

/**
 * What changed lately across the company: published versions that were compared with a predecessor,
 * newest first, optionally only those of one team's services or with changes at one level (and then
 * only those changes). Each carries its service and up to `perVersion` of its changes, worst first.
 */
export async function listRecentChanges(db: Db, filters: RecentChangesFilters, perVersion = 10) {
  const where: Prisma.ApiVersionWhereInput = {
    baseVersion: { not: null },
    pendingSince: null,
    ...(filters.serviceIds ? { serviceId: { in: filters.serviceIds } } : {}),
    ...(filters.team ? { service: { ownerships: { some: { team: { slug: filters.team } } } } } : {}),
    ...(filters.level ? { [countColumn[filters.level]]: { gt: 0 } } : {}),
  };
  const versions = await db.apiVersion.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
    take: Math.min(filters.limit ?? 50, 200),
    select: {
      ...versionDiffSelect,
      id: true,
      changes: true,
      service: { select: { slug: true, name: true } },
    },
  });
  return versions.map((version) => {
    const all = ((version.changes as Change[] | null) ?? []).filter((change) => !filters.level || change.level === filters.level);
    return {
      id: version.id,
      service: version.service,
      version: version.version,
      revision: version.revision,
      publishedAt: version.createdAt.toISOString(),
      base: { version: version.baseVersion!, revision: version.baseRevision! },
      summary: { breaking: version.breakingCount, warning: version.warningCount, info: version.infoCount },
      changes: [...all].sort(byLevel).slice(0, perVersion),
      consumers: tallyConsumers((version.changes as Change[] | null) ?? []),
      moreChanges: Math.max(0, all.length - perVersion),
    };
  });
}

export type RecentChange = Awaited<ReturnType<typeof listRecentChanges>>[number];
