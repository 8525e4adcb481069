import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";

/**
 * A service by slug with the teams that own it: what every permission check on a service needs
 * (lib/auth/permissions.ts takes `{ id, ownerTeamIds }`). NOT_FOUND when there is none, so callers
 * answer 404 before 401/403.
 */
export async function loadOwnedService(db: Db, slug: string): Promise<{ id: string; slug: string; ownerTeamIds: string[] }> {
  const service = await db.service.findUnique({ where: { slug }, select: { id: true, slug: true, ownerships: { select: { teamId: true } } } });
  if (!service) throw notFound(`Service "${slug}"`);
  return { id: service.id, slug: service.slug, ownerTeamIds: service.ownerships.map((ownership) => ownership.teamId) };
}
