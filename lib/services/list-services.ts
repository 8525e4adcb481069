import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { ServiceFilters } from "./service-filters";
import { serviceSummarySelect, toServiceSummary, type ServiceSummary } from "./service-summary";

export interface ServicePage {
  items: ServiceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Builds the where-clause for catalogue filters; `q` matches name, slug or description, case-insensitively. */
export function serviceWhere(filters: ServiceFilters): Prisma.ServiceWhereInput {
  const and: Prisma.ServiceWhereInput[] = [];
  if (filters.q) {
    and.push({
      OR: [
        { name: { contains: filters.q, mode: "insensitive" } },
        { slug: { contains: filters.q, mode: "insensitive" } },
        { description: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  if (filters.team) and.push({ ownerships: { some: { team: { slug: filters.team } } } });
  if (filters.lifecycle?.length) and.push({ lifecycle: { in: filters.lifecycle } });
  if (filters.tag) and.push({ tags: { has: filters.tag } });
  return and.length ? { AND: and } : {};
}

/** One page of the catalogue, sorted by name, with the total that matched. */
export async function listServices(db: Db, filters: ServiceFilters): Promise<ServicePage> {
  const where = serviceWhere(filters);
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
