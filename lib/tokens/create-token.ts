import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam, deny } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { loadTeam } from "@/lib/org/load-team";
import { tokenInputSchema, type TokenInput } from "./token-input";
import { generateToken, hashToken, tokenDisplayPrefix } from "@/lib/auth/token-secret";

/**
 * Creates an API token for a team's services, or for one service the team owns (its maintainers and
 * admins). The token is returned once, here; only its hash is stored, and never logged or audited.
 */
export async function createToken(db: Db, { actor, teamSlug, input }: { actor: Actor; teamSlug: string; input: TokenInput }) {
  const { name, service, expiresInDays } = tokenInputSchema.parse(input);
  if (actor.kind !== "user") deny(actor, "create API tokens (only a signed-in person can)");
  return inTransaction(db, async (tx) => {
    const team = await loadTeam(tx, teamSlug);
    assert(canManageTeam(actor, team.id), actor, `create tokens for "${teamSlug}"`);
    let serviceId: string | null = null;
    if (service) {
      const owned = await tx.service.findFirst({ where: { slug: service, ownerships: { some: { teamId: team.id } } }, select: { id: true } });
      if (!owned) throw new AppError("VALIDATION_FAILED", `Team "${teamSlug}" does not own a service "${service}".`, { field: "service" });
      serviceId = owned.id;
    }
    const createdById = actor.userId;
    const token = generateToken();
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
    const row = await tx.apiToken.create({
      data: { name, tokenHash: hashToken(token), prefix: tokenDisplayPrefix(token), teamId: team.id, serviceId, createdById, expiresAt },
      select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
    });
    const summary = { id: row.id, name, prefix: row.prefix, team: teamSlug, service, expiresAt: row.expiresAt?.toISOString() ?? null };
    await recordAudit(tx, actor, { action: "token.create", entityType: "token", entityId: row.id, entityKey: teamSlug, serviceId, after: summary });
    return { ...summary, createdAt: row.createdAt.toISOString(), token };
  });
}
