import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageServiceTokens, canManageTeam } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";

/**
 * Revokes a token at once: its team's maintainers, admins, and, for a token scoped to one service, the
 * maintainers of that service's owning teams (who may not be in the token's team). Revoking twice
 * changes nothing.
 */
export async function revokeToken(db: Db, { actor, tokenId }: { actor: Actor; tokenId: string }) {
  return inTransaction(db, async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      select: {
        id: true,
        name: true,
        prefix: true,
        teamId: true,
        serviceId: true,
        revokedAt: true,
        team: { select: { slug: true } },
        service: { select: { ownerships: { select: { teamId: true } } } },
      },
    });
    if (!token) throw notFound(`Token "${tokenId}"`);
    const serviceOwners = token.service?.ownerships.map((ownership) => ownership.teamId);
    assert(
      canManageTeam(actor, token.teamId) || (serviceOwners !== undefined && canManageServiceTokens(actor, { ownerTeamIds: serviceOwners })),
      actor,
      "revoke this token",
    );
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt.toISOString() };
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt } });
    await recordAudit(tx, actor, {
      action: "token.revoke",
      entityType: "token",
      entityId: token.id,
      entityKey: token.team.slug,
      serviceId: token.serviceId,
      before: { name: token.name, prefix: token.prefix },
      after: { revokedAt: revokedAt.toISOString() },
    });
    return { id: token.id, revokedAt: revokedAt.toISOString() };
  });
}
