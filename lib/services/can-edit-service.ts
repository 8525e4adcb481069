import type { Actor } from "@/lib/auth/actor";
import { canEditService } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import { loadOwnedService } from "@/lib/org/load-owned-service";

/**
 * Whether the actor may edit, transfer, archive and publish for the service. NOT_FOUND when there is
 * no such service, so callers answer 404 before 401/403. Pages use it to show controls; every change
 * checks again in its own function.
 */
export async function canActorEditService(db: Db, actor: Actor, slug: string): Promise<boolean> {
  const service = await loadOwnedService(db, slug);
  return actor.kind !== "anonymous" && canEditService(actor, service);
}
