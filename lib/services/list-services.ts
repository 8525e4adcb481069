import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/platform/db/types";
import { searchTokens } from "@/lib/search-index/search-tokens";
import { cachedCatalogueRead } from "./catalogue-cache";
import { requestedLifecycles, type ServiceFilters } from "./service-filters";
import { serviceSummarySelect, toServiceSummary, type ServiceSummary } from "./service-summary";

export interface ServicePage {
  items: ServiceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Builds the where-clause for catalogue filters; `q` matches name, slug or description,
 * case-insensitively, or (`withMatchingOperations`) services an operation of whose current version
 * matches it. Retired services are left out unless included (`includeRetired`) or asked
 * for (`lifecycle=retired`, or `retired=true`, which means the same). `myTeamIds` are the caller's teams, for `mine`.
 */
export function serviceWhere(filters: ServiceFilters, myTeamIds: string[] = [], withMatchingOperations: string[] = []): Prisma.ServiceWhereInput {
  const and: Prisma.ServiceWhereInput[] = [];
  const lifecycle = requestedLifecycles(filters);
  if (!filters.includeRetired && !lifecycle?.includes("retired")) and.push({ lifecycle: { not: "retired" } });
  if (filters.mine) and.push({ ownerships: { some: { teamId: { in: myTeamIds } } } });
  if (filters.q) {
    and.push({
      OR: [
        { name: { contains: filters.q, mode: "insensitive" } },
        { slug: { contains: filters.q, mode: "insensitive" } },
        { description: { contains: filters.q, mode: "insensitive" } },
        ...(withMatchingOperations.length ? [{ id: { in: withMatchingOperations } }] : []),
      ],
    });
  }
  if (filters.team) and.push({ ownerships: { some: { team: { slug: filters.team } } } });
  if (lifecycle?.length) and.push({ lifecycle: { in: lifecycle } });
  if (filters.tag) and.push({ tags: { has: filters.tag } });
  if (filters.kind === "http") and.push({ currentVersionId: { not: null } });
  if (filters.kind === "event") and.push({ eventVersions: { some: {} } });
  if (filters.level)
    and.push(filters.level === "none" ? { OR: [{ scorecard: null }, { scorecard: { level: null } }] } : { scorecard: { level: filters.level } });
  if (filters.sunsetWithin !== undefined) {
    // The service itself, or a deprecated operation of the version it serves, goes away within N days.
    const by = new Date(Date.now() + filters.sunsetWithin * 86_400_000);
    and.push({ OR: [{ sunsetAt: { lte: by } }, { currentVersion: { operations: { some: { deprecated: true, sunset: { lte: by } } } } }] });
  }
  return and.length ? { AND: and } : {};
}

/**
 * Services an operation of whose current version holds every word of `q` (each as a prefix, from
 * the full-text index search uses): `chat.postMessage` finds Slack.
 */
async function servicesWithOperationsMatching(db: Db, q: string): Promise<string[]> {
  const words = searchTokens(q);
  if (!words.length) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT s.id FROM "Operation" o JOIN "Service" s ON s."currentVersionId" = o."apiVersionId"
    WHERE o."searchVector" @@ to_tsquery('simple', ${words.map((word) => `${word}:*`).join(" & ")})`;
  return rows.map((row) => row.id);
}

/**
 * One page of the catalogue, sorted by name, with the total that matched; computed once per state
 * of the catalogue and set of filters, and kept (cachedCatalogueRead).
 */
export async function listServices(db: Db, filters: ServiceFilters, options: { myTeamIds?: string[] } = {}): Promise<ServicePage> {
  // sunsetWithin counts days from now: the hour is part of what the answer depends on.
  const key = JSON.stringify({
    filters,
    teams: filters.mine ? options.myTeamIds : null,
    hour: filters.sunsetWithin === undefined ? null : Math.floor(Date.now() / 3_600_000),
  });
  return cachedCatalogueRead(db, `services ${key}`, () => queryServices(db, filters, options));
}

async function queryServices(db: Db, filters: ServiceFilters, options: { myTeamIds?: string[] }): Promise<ServicePage> {
  const where = serviceWhere(filters, options.myTeamIds, filters.q ? await servicesWithOperationsMatching(db, filters.q) : []);
  const [rows, total] = await Promise.all([
    db.service.findMany({
      where,
      select: serviceSummarySelect,
      orderBy: filters.sort === "level" ? [{ scorecard: { levelRank: "desc" } }, { name: "asc" }, { slug: "asc" }] : [{ name: "asc" }, { slug: "asc" }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
    }),
    db.service.count({ where }),
  ]);
  return { items: rows.map(toServiceSummary), total, page: filters.page, pageSize: filters.pageSize };
}
