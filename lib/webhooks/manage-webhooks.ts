import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam, isAdmin } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { loadTeam } from "@/lib/org/load-team";
import { recordWebhookEvent } from "./record-webhook-event";
import { toWebhookView, webhookSelect } from "./webhook-view";

/** Who may manage a subscription: its team's maintainers and admins; one for every service, admins. */
async function loadManaged(db: Db, actor: Actor, id: string, what: string) {
  const row = await db.webhookSubscription.findUnique({ where: { id }, select: { ...webhookSelect, teamId: true } });
  if (!row) throw notFound(`Webhook "${id}"`);
  assert(row.teamId ? canManageTeam(actor, row.teamId) : isAdmin(actor), actor, what);
  return row;
}

/** A team's subscriptions (or, with no team, the ones for every service) with their last deliveries. */
export async function listWebhooks(db: Db, { actor, teamSlug }: { actor: Actor; teamSlug?: string }) {
  let teamId: string | null = null;
  if (teamSlug) {
    const team = await loadTeam(db, teamSlug);
    assert(canManageTeam(actor, team.id), actor, `see the webhooks of "${teamSlug}"`);
    teamId = team.id;
  } else assert(isAdmin(actor), actor, "see the webhooks for every service");
  const rows = await db.webhookSubscription.findMany({
    where: { teamId },
    orderBy: { createdAt: "asc" },
    select: {
      ...webhookSelect,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: {
          id: true,
          status: true,
          attempts: true,
          responseStatus: true,
          latencyMs: true,
          responseExcerpt: true,
          lastAttemptAt: true,
          event: { select: { type: true } },
        },
      },
    },
  });
  return rows.map(({ deliveries, ...row }) => ({
    ...toWebhookView(row),
    deliveries: deliveries.map(({ event, lastAttemptAt, ...delivery }) => ({
      ...delivery,
      type: event.type,
      lastAttemptAt: lastAttemptAt?.toISOString() ?? null,
    })),
  }));
}

export type WebhookWithDeliveries = Awaited<ReturnType<typeof listWebhooks>>[number];

/** Ends a subscription (its deliveries go with it). */
export async function deleteWebhook(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const row = await loadManaged(db, actor, id, `remove the webhook "${id}"`);
  await inTransaction(db, async (tx) => {
    await tx.webhookSubscription.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "webhook.delete",
      entityType: "webhook",
      entityId: id,
      entityKey: row.team?.slug ?? "*",
      before: toWebhookView(row),
    });
  });
}

/** Sends a `webhook.test` event to this subscription alone, enabling it again if it was disabled. */
export async function pingWebhook(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const row = await loadManaged(db, actor, id, `test the webhook "${id}"`);
  return inTransaction(db, async (tx) => {
    if (row.disabledAt) await tx.webhookSubscription.update({ where: { id }, data: { disabledAt: null, disabledReason: null, failingSince: null } });
    return recordWebhookEvent(tx, { type: "webhook.test", serviceId: null, data: { webhook: id } }, { subscriptionId: id });
  });
}

/** Sends a delivery's event again, as a new delivery (the old one keeps its outcome). */
export async function redeliver(db: Db, { actor, deliveryId }: { actor: Actor; deliveryId: string }) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { subscriptionId: true, eventId: true } });
  if (!delivery) throw notFound(`Delivery "${deliveryId}"`);
  await loadManaged(db, actor, delivery.subscriptionId, `redeliver to the webhook "${delivery.subscriptionId}"`);
  const created = await db.webhookDelivery.create({ data: { subscriptionId: delivery.subscriptionId, eventId: delivery.eventId }, select: { id: true } });
  return { deliveryId: created.id };
}
