import type { Actor } from "@/lib/auth/actor";
import { canEditService } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/types";

/** Whether the actor may edit, transfer and archive the service: for showing controls (the server checks again). */
export async function canActorEditService(db: Db, actor: Actor, slug: string): Promise<boolean> {
  if (actor.kind === "anonymous") return false;
  const service = await db.service.findUnique({ where: { slug }, select: { id: true, ownerships: { select: { teamId: true } } } });
  return !!service && canEditService(actor, { id: service.id, ownerTeamIds: service.ownerships.map((ownership) => ownership.teamId) });
}
