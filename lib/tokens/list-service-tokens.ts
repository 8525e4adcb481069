import type { Actor } from "@/lib/auth/actor";
import { assert, canManageServiceTokens } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import { loadOwnedService } from "@/lib/org/load-owned-service";

/**
 * Every live token that can act on a service today: those scoped to it and those scoped to a whole
 * owning team, from every owning team. A token of a team that no longer owns the service can do
 * nothing with it (see canEditService), so it is not listed. For the service's maintainers and admins.
 */
export async function listServiceTokens(db: Db, { actor, slug }: { actor: Actor; slug: string }) {
  const service = await loadOwnedService(db, slug);
  const { ownerTeamIds } = service;
  assert(canManageServiceTokens(actor, { ownerTeamIds }), actor, `see the tokens that can act on "${slug}"`);
  const tokens = await db.apiToken.findMany({
    where: {
      teamId: { in: ownerTeamIds },
      OR: [{ serviceId: service.id }, { serviceId: null }],
      revokedAt: null,
      AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, serviceId: true, expiresAt: true, lastUsedAt: true, team: { select: { slug: true } } },
  });
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    team: token.team.slug,
    scope: token.serviceId ? ("service" as const) : ("team" as const),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  }));
}

export type ServiceTokenSummary = Awaited<ReturnType<typeof listServiceTokens>>[number];
