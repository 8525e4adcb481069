import { recordAudit } from "@/lib/audit/record-audit";
import { rescoreServices } from "@/lib/scorecards/recompute-scorecards";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import type { Actor } from "@/lib/auth/actor";
import { assert, canEditService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { findTeamsBySlug } from "@/lib/org/find-teams";
import { serviceTransferSchema, type ServiceTransfer } from "./service-input";
import { loadServiceSnapshot } from "./service-snapshot";

/**
 * Hands primary ownership to another team (any team: that is the point of a transfer). The previous
 * primary stays an owner unless `keepPreviousOwner` is false.
 */
export async function transferService(db: Db, { actor, slug, transfer }: { actor: Actor; slug: string; transfer: ServiceTransfer }) {
  const { primaryOwner, keepPreviousOwner } = serviceTransferSchema.parse(transfer);
  const { id, state } = await inTransaction(db, async (tx) => {
    const before = await loadServiceSnapshot(tx, slug);
    assert(canEditService(actor, before), actor, `transfer the service "${slug}"`);
    const teamId = (await findTeamsBySlug(tx, [primaryOwner], "primaryOwner")).get(primaryOwner)!;
    // Demote first: the partial unique index allows one primary per service at any moment.
    await tx.serviceOwnership.updateMany({ where: { serviceId: before.id, isPrimary: true }, data: { isPrimary: false } });
    if (!keepPreviousOwner && before.state.primaryOwner) {
      await tx.serviceOwnership.deleteMany({ where: { serviceId: before.id, team: { slug: before.state.primaryOwner } } });
    }
    // Not an upsert: Prisma would emit ON CONFLICT on the partial unique index, which PostgreSQL refuses.
    const promoted = await tx.serviceOwnership.updateMany({ where: { serviceId: before.id, teamId }, data: { isPrimary: true } });
    if (promoted.count === 0) await tx.serviceOwnership.create({ data: { serviceId: before.id, teamId, isPrimary: true } });
    await tx.service.update({ where: { id: before.id }, data: { updatedAt: new Date() } });
    const after = await loadServiceSnapshot(tx, slug);
    await recordAudit(tx, actor, {
      action: "service.transfer",
      entityType: "service",
      entityId: before.id,
      entityKey: slug,
      serviceId: before.id,
      before: before.state,
      after: after.state,
    });
    await recordWebhookEvent(tx, {
      type: "ownership.changed",
      serviceId: before.id,
      data: { primaryOwner: after.state.primaryOwner, otherOwners: after.state.otherOwners, previousPrimaryOwner: before.state.primaryOwner },
    });
    // A subscription to this one service belongs to the team that made it: once that team no longer
    // owns the service it stops receiving its events, and goes (the new owners could neither see nor remove it).
    const orphaned = await tx.webhookSubscription.findMany({
      where: { serviceId: before.id, team: { ownerships: { none: { serviceId: before.id } } } },
      select: { id: true, url: true, team: { select: { slug: true } } },
    });
    for (const subscription of orphaned) {
      await tx.webhookSubscription.delete({ where: { id: subscription.id } });
      await recordAudit(tx, actor, {
        action: "webhook.delete",
        entityType: "webhook",
        entityId: subscription.id,
        entityKey: subscription.team?.slug ?? "*",
        before: { url: subscription.url, service: slug },
        after: { reason: `The service "${slug}" was transferred away from this team.` },
      });
    }
    return { id: before.id, state: after.state };
  });
  await rescoreServices(db, [id]);
  return state;
}
