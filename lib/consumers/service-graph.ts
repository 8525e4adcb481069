import { Prisma } from "@/generated/prisma/client";
import type { Lifecycle } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { observedSince } from "./load-impact-consumers";

/** At most this many services in one graph: a neighbourhood stays readable however large the company. */
export const MAX_GRAPH_NODES = 120;

export interface GraphNode {
  slug: string;
  name: string;
  lifecycle: Lifecycle;
  team: string | null;
  /** The service (or the team's services) the graph is about. */
  focus: boolean;
}

export interface GraphEdge {
  consumer: string;
  provider: string;
  /** Declared in the catalogue, seen calling (last 90 days), or both. */
  evidence: ("declared" | "observed")[];
  /** The operations declared (empty: the whole API), or the number seen. */
  operations: number | "all";
}

/** Every consumption edge touching the given services, declared or observed. */
async function edgesAround(db: Db, ids: string[], now: Date) {
  const touching = { OR: [{ consumerId: { in: ids } }, { providerId: { in: ids } }], consumer: { archivedAt: null }, provider: { archivedAt: null } };
  const [declared, observed] = await Promise.all([
    // How many operations each declares, not which: a provider with 2,000 consumers would otherwise
    // read 40,000 operation names to draw 120 boxes.
    db.$queryRaw<{ consumerId: string; providerId: string; operations: number }[]>`
      SELECT c."consumerId", c."providerId", cardinality(c.operations)::int AS operations
      FROM "Consumption" c
      JOIN "Service" consumer ON consumer.id = c."consumerId" AND consumer."archivedAt" IS NULL
      JOIN "Service" provider ON provider.id = c."providerId" AND provider."archivedAt" IS NULL
      WHERE c."consumerId" IN (${Prisma.join(ids)}) OR c."providerId" IN (${Prisma.join(ids)})`,
    db.operationUse.groupBy({ by: ["consumerId", "providerId"], where: { ...touching, lastSeenAt: { gte: observedSince(now) } }, _count: { operation: true } }),
  ]);
  const edges = new Map<string, { consumerId: string; providerId: string; evidence: GraphEdge["evidence"]; operations: number | "all" }>();
  for (const row of declared)
    edges.set(`${row.consumerId}>${row.providerId}`, {
      consumerId: row.consumerId,
      providerId: row.providerId,
      evidence: ["declared"],
      operations: row.operations || "all",
    });
  for (const row of observed) {
    const key = `${row.consumerId}>${row.providerId}`;
    const known = edges.get(key);
    if (known) known.evidence.push("observed");
    else edges.set(key, { consumerId: row.consumerId, providerId: row.providerId, evidence: ["observed"], operations: row._count.operation });
  }
  return [...edges.values()];
}

/**
 * A service's neighbourhood (`service`), or a team's services and theirs (`team`): the services one
 * step away (two with `depth: 2`), as consumer → provider edges. Cut at MAX_GRAPH_NODES, nearest
 * first; `truncated` says so.
 */
export async function serviceGraph(
  db: Db,
  { actor, focus, depth = 1, now = new Date() }: { actor: Actor; focus: { service: string } | { team: string }; depth?: 1 | 2; now?: Date },
) {
  assertMayRead(actor);
  let start: string[];
  if ("service" in focus) {
    const service = await db.service.findUnique({ where: { slug: focus.service }, select: { id: true } });
    if (!service) throw notFound(`Service "${focus.service}"`);
    start = [service.id];
  } else {
    const team = await db.team.findUnique({
      where: { slug: focus.team },
      select: { ownerships: { where: { service: { archivedAt: null } }, select: { serviceId: true } } },
    });
    if (!team) throw notFound(`Team "${focus.team}"`);
    start = team.ownerships.map((ownership) => ownership.serviceId).slice(0, MAX_GRAPH_NODES);
  }
  const included = new Set(start);
  let truncated = false;
  let frontier = start;
  const edges = new Map<string, Awaited<ReturnType<typeof edgesAround>>[number]>();
  for (let step = 0; step < depth && frontier.length; step += 1) {
    const next: string[] = [];
    for (const edge of await edgesAround(db, frontier, now)) {
      for (const id of [edge.consumerId, edge.providerId]) {
        if (included.has(id)) continue;
        if (included.size >= MAX_GRAPH_NODES) {
          truncated = true;
          continue;
        }
        included.add(id);
        next.push(id);
      }
      edges.set(`${edge.consumerId}>${edge.providerId}`, edge);
    }
    frontier = next;
  }
  const services = await db.service.findMany({
    where: { id: { in: [...included] } },
    select: { id: true, slug: true, name: true, lifecycle: true, ownerships: { where: { isPrimary: true }, select: { team: { select: { slug: true } } } } },
  });
  const slugOf = new Map(services.map((service) => [service.id, service.slug]));
  const focusIds = new Set(start);
  return {
    nodes: services
      .map((service) => ({
        slug: service.slug,
        name: service.name,
        lifecycle: service.lifecycle,
        team: service.ownerships[0]?.team.slug ?? null,
        focus: focusIds.has(service.id),
      }))
      .sort((a, b) => Number(b.focus) - Number(a.focus) || a.name.localeCompare(b.name)) satisfies GraphNode[],
    edges: [...edges.values()]
      .filter((edge) => slugOf.has(edge.consumerId) && slugOf.has(edge.providerId))
      .map((edge) => ({ consumer: slugOf.get(edge.consumerId)!, provider: slugOf.get(edge.providerId)!, evidence: edge.evidence, operations: edge.operations }))
      .sort((a, b) => a.consumer.localeCompare(b.consumer) || a.provider.localeCompare(b.provider)) satisfies GraphEdge[],
    truncated,
  };
}

export type ServiceGraph = Awaited<ReturnType<typeof serviceGraph>>;
