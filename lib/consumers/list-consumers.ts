import { Prisma } from "@/generated/prisma/client";
import type { Lifecycle } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { canSeeEmails } from "@/lib/auth/permissions";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { consumptionSelect, serviceWithTeamsSelect, toConsumptionView } from "./consumption-view";
import { observedSince } from "./load-impact-consumers";
import { DEFAULT_NEIGHBOURS_PAGE, MAX_NEIGHBOURS_PAGE } from "./neighbour-page-size";

const serviceRef = serviceWithTeamsSelect;

type Side = "consumers" | "dependencies";

/** One neighbour of a service: the other side of its declarations and observed calls. */
export interface Neighbour {
  service: { slug: string; name: string; lifecycle: Lifecycle; teams: { slug: string; name: string }[] };
  declared: (Omit<ReturnType<typeof toConsumptionView>, "consumer" | "provider" | "declaredBy"> & { declaredBy: string | null }) | null;
  observed: { operation: string; calls: number; lastSeenAt: string }[];
}

export interface NeighbourPage {
  /** From 1. */
  page?: number;
  pageSize?: number;
}

/**
 * The services that consume this one (`consumers`) or that it consumes (`dependencies`), by name, a
 * page at a time (a provider with 2,000 consumers declaring 20 operations each is 1.5 MB whole): each
 * with its declaration (or null) and the operations it was seen calling in the last 90 days, and how
 * many there are in all. One query finds, orders (by name, whatever the database's collation), counts
 * and cuts the neighbours; two more read the page's.
 * Archived services are left out. Who declared it is shown to signed-in readers only.
 */
export async function listNeighbours(
  db: Db,
  { actor, slug, side, page = 1, pageSize = DEFAULT_NEIGHBOURS_PAGE, now = new Date() }: { actor: Actor; slug: string; side: Side; now?: Date } & NeighbourPage,
) {
  assertMayRead(actor);
  const service = await db.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw notFound(`Service "${slug}"`);
  const consumers = side === "consumers";
  const mine = consumers ? { providerId: service.id, consumer: { archivedAt: null } } : { consumerId: service.id, provider: { archivedAt: null } };
  const recent = { lastSeenAt: { gte: observedSince(now) } };
  const size = Math.min(Math.max(1, pageSize), MAX_NEIGHBOURS_PAGE);
  const current = Math.max(1, page);
  // The other side of every declaration and of every call seen lately, once each, not archived.
  const [self, them] = consumers ? [Prisma.raw('"providerId"'), Prisma.raw('"consumerId"')] : [Prisma.raw('"consumerId"'), Prisma.raw('"providerId"')];
  const others = Prisma.sql`
    FROM "Service" s
    WHERE s."archivedAt" IS NULL AND s.id IN (
      SELECT ${them} FROM "Consumption" WHERE ${self} = ${service.id}
      UNION SELECT ${them} FROM "OperationUse" WHERE ${self} = ${service.id} AND "lastSeenAt" >= ${recent.lastSeenAt.gte})`;
  const shown = await db.$queryRaw<{ id: string; slug: string; total: bigint | number }[]>`
    SELECT s.id, s.slug, count(*) OVER () AS total ${others} ORDER BY lower(s.name), s.slug LIMIT ${size} OFFSET ${(current - 1) * size}`;
  // Past the last page there is no row to carry the count; an empty first page means there are none.
  const total = Number(
    shown[0]?.total ?? (current === 1 ? 0 : ((await db.$queryRaw<{ total: bigint | number }[]>`SELECT count(*) AS total ${others}`)[0]?.total ?? 0)),
  );
  const ids = shown.map((neighbour) => neighbour.id);
  const only = consumers ? { consumerId: { in: ids } } : { providerId: { in: ids } };
  const [declarations, uses] = ids.length
    ? await Promise.all([
        db.consumption.findMany({ where: { ...mine, ...only }, select: consumptionSelect }),
        db.operationUse.findMany({
          where: { ...mine, ...only, ...recent },
          select: { operation: true, calls: true, lastSeenAt: true, consumer: serviceRef, provider: serviceRef },
          orderBy: { operation: "asc" },
        }),
      ])
    : [[], []];
  const neighbours = new Map<string, Neighbour>();
  const entry = (row: { slug: string; name: string; lifecycle: Lifecycle; ownerships: { team: { slug: string; name: string } }[] }) => {
    let found: Neighbour | undefined = neighbours.get(row.slug);
    if (!found) {
      found = {
        service: { slug: row.slug, name: row.name, lifecycle: row.lifecycle, teams: row.ownerships.map((ownership) => ownership.team) },
        declared: null,
        observed: [],
      };
      neighbours.set(row.slug, found);
    }
    return found;
  };
  for (const row of declarations) {
    const { consumer: _consumer, provider: _provider, declaredBy, ...declared } = toConsumptionView(row);
    entry(consumers ? row.consumer : row.provider).declared = { ...declared, declaredBy: canSeeEmails(actor) ? declaredBy : null };
  }
  for (const use of uses)
    entry(consumers ? use.consumer : use.provider).observed.push({
      operation: use.operation,
      calls: use.calls,
      lastSeenAt: use.lastSeenAt.toISOString(),
    });
  return { items: shown.map((neighbour) => neighbours.get(neighbour.slug)!).filter(Boolean), total, page: current, pageSize: size };
}

export type NeighbourView = Awaited<ReturnType<typeof listNeighbours>>["items"][number];
