import type { Actor } from "@/lib/auth/actor";
import { canManageTeam } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";

/** Whether the actor may manage the team's members and tokens; NOT_FOUND when there is no such team. */
export async function canActorManageTeam(db: Db, actor: Actor, slug: string): Promise<boolean> {
  const team = await db.team.findUnique({ where: { slug }, select: { id: true } });
  if (!team) throw notFound(`Team "${slug}"`);
  return canManageTeam(actor, team.id);
}
