import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { inTransaction } from "@/lib/platform/db/types";
import { parseFetchPolicy } from "@/lib/platform/fetch-policy";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { attemptDelivery } from "@/lib/webhooks/deliver-webhook";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { encryptSecret, newWebhookSecret } from "@/lib/webhooks/webhook-secret";
import { testDatabases } from "../support/test-databases";

const settings = {
  policy: parseFetchPolicy(undefined),
  retryDelaySeconds: 1,
  attempts: 3,
  disableAfterHours: 72,
  timeoutMs: 2_000,
  failingTimeoutMs: 1_000,
  perTeamInFlight: 6,
};

describe.each(testDatabases)("a webhook that keeps failing, on $name", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor: systemActor("test"), input: { slug: "quiet", name: "Quiet" } });
    await createService(db.prisma, { actor: systemActor("test"), input: { slug: "quiet-api", name: "Quiet API", primaryOwner: "quiet" } });
  });
  afterAll(async () => db?.close());

  it("records each failed attempt, gives up after the last, and disables a subscription failing for days, saying so in the audit log", async () => {
    const team = await db.prisma.team.findUniqueOrThrow({ where: { slug: "quiet" }, select: { id: true } });
    // Loopback, not allowed: every attempt is refused before anything is sent.
    const subscription = await db.prisma.webhookSubscription.create({
      data: { url: "https://127.0.0.1:9/hook", events: ["version.published"], teamId: team.id, secretCipher: encryptSecret(newWebhookSecret()) },
    });
    const service = await db.prisma.service.findUniqueOrThrow({ where: { slug: "quiet-api" }, select: { id: true } });
    const publish = () =>
      inTransaction(db.prisma, (tx) => recordWebhookEvent(tx, { type: "version.published", serviceId: service.id, data: { version: "1" } }));
    // The team's subscription hears its service's events.
    const { eventId, deliveries: heard } = await publish();
    expect(heard).toBe(1);
    const delivery = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { eventId }, select: { id: true } });

    expect(await attemptDelivery(db.prisma, delivery.id, settings, { last: false })).toBe("retry");
    let row = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: null });
    expect(row.responseExcerpt).toMatch(/^Refused to fetch/);
    expect((await db.prisma.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).failingSince).not.toBeNull();

    expect(await attemptDelivery(db.prisma, delivery.id, settings, { last: true })).toBe("failed");
    row = await db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 2 });

    // Failing since four days: the next failure disables it.
    await db.prisma.webhookSubscription.update({ where: { id: subscription.id }, data: { failingSince: new Date(Date.now() - 96 * 3_600_000) } });
    const again = await db.prisma.webhookDelivery.create({ data: { subscriptionId: subscription.id, eventId }, select: { id: true } });
    await attemptDelivery(db.prisma, again.id, settings, { last: true });
    const disabled = await db.prisma.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.disabledReason).toMatch(/^Every delivery failed for 72 hours; the last: Refused to fetch/);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "webhook.disable", entityId: subscription.id } });
    expect(audit.entityKey).toBe("quiet");
    // A disabled subscription hears no new events.
    expect((await publish()).deliveries).toBe(0);
  }, 60_000);
});
