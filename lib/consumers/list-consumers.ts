import type { Lifecycle } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { canSeeEmails } from "@/lib/auth/permissions";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { consumptionSelect, toConsumptionView } from "./consumption-view";
import { observedSince } from "./load-impact-consumers";

const teamsOf = { ownerships: { orderBy: { isPrimary: "desc" as const }, select: { team: { select: { slug: true, name: true } } } } };
const serviceRef = { select: { slug: true, name: true, lifecycle: true, ...teamsOf } };

type Side = "consumers" | "dependencies";

/** One neighbour of a service: the other side of its declarations and observed calls. */
export interface Neighbour {
  service: { slug: string; name: string; lifecycle: Lifecycle; teams: { slug: string; name: string }[] };
  declared: (Omit<ReturnType<typeof toConsumptionView>, "consumer" | "provider" | "declaredBy"> & { declaredBy: string | null }) | null;
  observed: { operation: string; calls: number; lastSeenAt: string }[];
}

/**
 * The services that consume this one (`consumers`) or that it consumes (`dependencies`): each with
 * its declaration (or null) and the operations it was seen calling in the last 90 days. Archived
 * services are left out. Who declared it is shown to signed-in readers only.
 */
export async function listNeighbours(db: Db, { actor, slug, side, now = new Date() }: { actor: Actor; slug: string; side: Side; now?: Date }) {
  assertMayRead(actor);
  const service = await db.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw notFound(`Service "${slug}"`);
  const mine = side === "consumers" ? { providerId: service.id, consumer: { archivedAt: null } } : { consumerId: service.id, provider: { archivedAt: null } };
  const [declarations, uses] = await Promise.all([
    db.consumption.findMany({ where: mine, select: consumptionSelect }),
    db.operationUse.findMany({
      where: { ...mine, lastSeenAt: { gte: observedSince(now) } },
      select: { operation: true, calls: true, lastSeenAt: true, consumer: serviceRef, provider: serviceRef },
      orderBy: { operation: "asc" },
    }),
  ]);
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
    entry(side === "consumers" ? row.consumer : row.provider).declared = { ...declared, declaredBy: canSeeEmails(actor) ? declaredBy : null };
  }
  for (const use of uses)
    entry(side === "consumers" ? use.consumer : use.provider).observed.push({
      operation: use.operation,
      calls: use.calls,
      lastSeenAt: use.lastSeenAt.toISOString(),
    });
  return [...neighbours.values()].sort((a, b) => a.service.name.localeCompare(b.service.name));
}

export type NeighbourView = Awaited<ReturnType<typeof listNeighbours>>[number];
