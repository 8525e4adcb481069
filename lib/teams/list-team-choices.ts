import type { Actor } from "@/lib/auth/actor";
import { canAssignOwner } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";

/** Every team, marked with whether this actor may make it an owner of a service. */
export async function listTeamChoices(db: Db, actor: Actor) {
  const teams = await db.team.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
  return teams.map((team) => ({ slug: team.slug, name: team.name, assignable: canAssignOwner(actor, team.id) }));
}
