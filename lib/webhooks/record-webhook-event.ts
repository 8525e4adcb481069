import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { WebhookEventType } from "./webhook-events";

/**
 * Records an event and a pending delivery for every active subscription that hears it: all services,
 * the team that owns the service, or the service itself; and, for `consumerTeams` (the teams whose
 * services a breaking change touches), those teams' subscriptions that include what they consume. Called inside the transaction that makes the
 * change, so an event exists exactly when its change does; the job queue delivers it afterwards.
 */
export async function recordWebhookEvent(
  tx: Prisma.TransactionClient,
  {
    type,
    serviceId,
    data,
    consumerTeams = [],
  }: { type: WebhookEventType | "webhook.test"; serviceId: string | null; data: Record<string, unknown>; consumerTeams?: string[] },
  only?: { subscriptionId: string },
): Promise<{ eventId: string; deliveries: number }> {
  const service = serviceId
    ? await tx.service.findUnique({ where: { id: serviceId }, select: { slug: true, name: true, ownerships: { select: { teamId: true } } } })
    : null;
  const teamIds = service?.ownerships.map((ownership) => ownership.teamId) ?? [];
  const subscriptions = await tx.webhookSubscription.findMany({
    where: only
      ? { id: only.subscriptionId }
      : {
          disabledAt: null,
          events: { has: type },
          OR: [
            { teamId: null },
            { teamId: { in: teamIds }, serviceId: null },
            ...(serviceId ? [{ serviceId, teamId: { in: teamIds } }] : []),
            ...(consumerTeams.length ? [{ includeConsumed: true, serviceId: null, team: { slug: { in: consumerTeams } } }] : []),
          ],
        },
    select: { id: true },
  });
  const eventId = `msg_${randomUUID().replace(/-/g, "")}`;
  const payload = {
    type,
    timestamp: new Date().toISOString(),
    data: { ...(service ? { service: { slug: service.slug, name: service.name } } : {}), ...data },
  };
  await tx.webhookEvent.create({ data: { id: eventId, type, serviceId, payload: payload as Prisma.InputJsonValue } });
  if (subscriptions.length) await tx.webhookDelivery.createMany({ data: subscriptions.map((subscription) => ({ subscriptionId: subscription.id, eventId })) });
  return { eventId, deliveries: subscriptions.length };
}
