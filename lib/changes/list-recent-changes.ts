import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/platform/db/types";
import { byLevel, type Change, type Level } from "@/lib/diff/diff-types";
import { tallyConsumers } from "@/lib/diff/tally-consumers";
import { comparedSelect } from "@/lib/versions/version-view";

export interface RecentChangesFilters {
  team?: string;
  level?: Level;
  limit?: number;
  /** Only these services (a person's watched services). */
  serviceIds?: string[];
}

const countColumn: Record<Level, "breakingCount" | "warningCount" | "infoCount"> = { breaking: "breakingCount", warning: "warningCount", info: "infoCount" };

/**
 * What changed lately across the company: published versions of HTTP contracts and of event APIs that
 * were compared with a predecessor, newest first, optionally only those of one team's services or
 * with changes at one level (and then only those changes). Each carries its service, which contract
 * it is a version of, where to read it, and up to `perVersion` of its changes, worst first.
 */
export async function listRecentChanges(db: Db, filters: RecentChangesFilters, perVersion = 10) {
  const take = Math.min(filters.limit ?? 50, 200);
  const common = {
    baseVersion: { not: null },
    ...(filters.serviceIds ? { serviceId: { in: filters.serviceIds } } : {}),
    ...(filters.team ? { service: { ownerships: { some: { team: { slug: filters.team } } } } } : {}),
    ...(filters.level ? { [countColumn[filters.level]]: { gt: 0 } } : {}),
  };
  const where: Prisma.ApiVersionWhereInput = { ...common, pendingSince: null };
  const [versions, eventVersions] = await Promise.all([httpVersions(db, where, take), eventVersionsChanged(db, common, take)]);
  const shape = (contract: "http" | "event", version: (typeof versions)[number]) => {
    const all = ((version.changes as Change[] | null) ?? []).filter((change) => !filters.level || change.level === filters.level);
    const slug = encodeURIComponent(version.service.slug);
    return {
      id: version.id,
      contract,
      service: version.service,
      version: version.version,
      revision: version.revision,
      publishedAt: version.createdAt.toISOString(),
      base: { version: version.baseVersion!, revision: version.baseRevision! },
      url:
        contract === "event"
          ? `/services/${slug}/diff?contract=event&from=${encodeURIComponent(version.baseVersion!)}&fromRevision=${version.baseRevision}&to=${encodeURIComponent(version.version)}&toRevision=${version.revision}`
          : `/services/${slug}/changes`,
      summary: { breaking: version.breakingCount, warning: version.warningCount, info: version.infoCount },
      changes: [...all].sort(byLevel).slice(0, perVersion),
      consumers: tallyConsumers((version.changes as Change[] | null) ?? []),
      moreChanges: Math.max(0, all.length - perVersion),
    };
  };
  return [...versions.map((version) => shape("http", version)), ...eventVersions.map((version) => shape("event", version))]
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.revision - a.revision)
    .slice(0, take);
}

const changedSelect = {
  ...comparedSelect,
  id: true,
  changes: true,
  service: { select: { slug: true, name: true } },
} as const;

const eventVersionsChanged = (db: Db, where: Prisma.EventVersionWhereInput, take: number) =>
  db.eventVersion.findMany({ where, orderBy: [{ createdAt: "desc" }, { revision: "desc" }], take, select: changedSelect });

const httpVersions = (db: Db, where: Prisma.ApiVersionWhereInput, take: number) =>
  db.apiVersion.findMany({ where, orderBy: [{ createdAt: "desc" }, { revision: "desc" }], take, select: changedSelect });

export type RecentChange = Awaited<ReturnType<typeof listRecentChanges>>[number];
