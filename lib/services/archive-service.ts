import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { updateService } from "./update-service";

/** Archives a service: it becomes `retired`, stays readable, and leaves the default catalogue view. */
export async function archiveService(db: Db, { actor, slug }: { actor: Actor; slug: string }) {
  return updateService(db, { actor, slug, changes: { lifecycle: "retired" } });
}
