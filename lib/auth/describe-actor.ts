import type { Db } from "@/lib/platform/db/types";
import type { Actor } from "./actor";

/** What `GET /api/v1/me` says about the caller: who they are, whether admin, and their teams. */
export async function describeActor(db: Db, actor: Actor) {
  if (actor.kind === "user") {
    const teams = await db.team.findMany({
      where: { id: { in: Object.keys(actor.teamRoles) } },
      select: { id: true, slug: true, name: true },
      orderBy: { name: "asc" },
    });
    return {
      kind: "user" as const,
      email: actor.email,
      name: actor.name,
      isAdmin: actor.isAdmin,
      teams: teams.map(({ id, ...team }) => ({ ...team, role: actor.teamRoles[id]! })),
    };
  }
  if (actor.kind === "token") {
    const team = await db.team.findUnique({ where: { id: actor.teamId }, select: { slug: true } });
    const service = actor.serviceId ? await db.service.findUnique({ where: { id: actor.serviceId }, select: { slug: true } }) : null;
    return { kind: "token" as const, label: actor.label, team: team?.slug ?? null, service: service?.slug ?? null };
  }
  return { kind: "anonymous" as const };
}
