import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { searchTokens } from "@/lib/search/search-tokens";
import type { ServiceFilters } from "./service-filters";
import { serviceSummarySelect, toServiceSummary, type ServiceSummary } from "./service-summary";

export interface ServicePage {
  items: ServiceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Builds the where-clause for catalogue filters; `q` matches name, slug or description,
 * case-insensitively, or an operation of the service's current version. Retired services are left out unless asked for (by `retired` or by naming the
 * lifecycle). `myTeamIds` are the caller's teams, for `mine`.
 */
export function serviceWhere(filters: ServiceFilters, myTeamIds: string[] = []): Prisma.ServiceWhereInput {
  const and: Prisma.ServiceWhereInput[] = [];
  if (!filters.retired && !filters.lifecycle?.includes("retired")) and.push({ lifecycle: { not: "retired" } });
  if (filters.mine) and.push({ ownerships: { some: { teamId: { in: myTeamIds } } } });
  if (filters.q) {
    // Or a service whose current version has an operation holding every word (of 3+ letters, which
    // the trigram index on searchText can serve): `chat.postMessage` finds Slack.
    const words = searchTokens(filters.q).filter((word) => word.length >= 3);
    and.push({
      OR: [
        { name: { contains: filters.q, mode: "insensitive" } },
        { slug: { contains: filters.q, mode: "insensitive" } },
        { description: { contains: filters.q, mode: "insensitive" } },
        ...(words.length ? [{ currentVersion: { operations: { some: { AND: words.map((word) => ({ searchText: { contains: word } })) } } } }] : []),
      ],
    });
  }
  if (filters.team) and.push({ ownerships: { some: { team: { slug: filters.team } } } });
  if (filters.lifecycle?.length) and.push({ lifecycle: { in: filters.lifecycle } });
  if (filters.tag) and.push({ tags: { has: filters.tag } });
  if (filters.sunsetWithin !== undefined) {
    // The service itself, or a deprecated operation of the version it serves, goes away within N days.
    const by = new Date(Date.now() + filters.sunsetWithin * 86_400_000);
    and.push({ OR: [{ sunsetAt: { lte: by } }, { currentVersion: { operations: { some: { deprecated: true, sunset: { lte: by } } } } }] });
  }
  return and.length ? { AND: and } : {};
}

/** One page of the catalogue, sorted by name, with the total that matched. */
export async function listServices(db: Db, filters: ServiceFilters, options: { myTeamIds?: string[] } = {}): Promise<ServicePage> {
  const where = serviceWhere(filters, options.myTeamIds);
  const [rows, total] = await Promise.all([
    db.service.findMany({
      where,
      select: serviceSummarySelect,
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
    }),
    db.service.count({ where }),
  ]);
  return { items: rows.map(toServiceSummary), total, page: filters.page, pageSize: filters.pageSize };
}
