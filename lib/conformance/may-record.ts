import type { Actor } from "@/lib/auth/actor";
import { assert, canEditService } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import { loadOwnedService } from "@/lib/org/load-owned-service";

/** 404 for no such service, then 401/403: who may record conformance for a service (those who may edit it: maintainers, its tokens). */
export async function assertMayRecordConformance(db: Db, actor: Actor, slug: string) {
  const service = await loadOwnedService(db, slug);
  assert(canEditService(actor, service), actor, `record conformance for "${slug}"`);
  return service;
}
