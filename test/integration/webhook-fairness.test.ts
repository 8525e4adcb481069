/**
 * Webhooks and scorecard events on both databases (issue 21): one team's failing endpoints cannot take
 * every worker, a claim and its jobs commit together, a transferred service's subscription leaves with
 * its team, a signature and its timestamp come from one reading of the clock, and a level change is
 * announced once however many recomputations overlap.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { PgBoss } from "pg-boss";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { inTransaction } from "@/lib/platform/db/types";
import { parseFetchPolicy } from "@/lib/platform/fetch-policy";
import { importBackstage } from "@/lib/import/import-backstage";
import { startJobQueue } from "@/lib/start-up/job-queues";
import { WEBHOOK_DELIVERY } from "@/lib/webhooks/webhook-jobs";
import { queueDeliveries } from "@/lib/webhooks/webhook-jobs";
import { recomputeScorecards, rescoreServices } from "@/lib/scorecards/recompute-scorecards";
import { createService } from "@/lib/services/create-service";
import { transferService } from "@/lib/services/transfer-service";
import { createTeam } from "@/lib/teams/create-team";
import { attemptDelivery } from "@/lib/webhooks/deliver-webhook";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { encryptSecret, newWebhookSecret } from "@/lib/webhooks/webhook-secret";
import { testDatabases } from "../support/test-databases";

const system = systemActor("test");
const admin = { kind: "user", userId: "admin", email: "admin@fair.test", name: "Admin", isAdmin: true, teamRoles: {} } as const;

describe.each(testDatabases)("webhook fairness and scorecard events, on $name", ({ open }) => {
  let db: Database;
  let boss: PgBoss;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await open();
    for (const slug of ["noisy", "quiet", "heirs"]) await createTeam(db.prisma, { actor: system, input: { slug, name: slug } });
    await createService(db.prisma, { actor: system, input: { slug: "noisy-api", name: "Noisy API", primaryOwner: "noisy" } });
    await createService(db.prisma, { actor: system, input: { slug: "quiet-api", name: "Quiet API", primaryOwner: "quiet" } });
    for (const slug of ["noisy", "quiet", "heirs"]) ids[slug] = (await db.prisma.team.findUniqueOrThrow({ where: { slug } })).id;
    for (const slug of ["noisy-api", "quiet-api"]) ids[slug] = (await db.prisma.service.findUniqueOrThrow({ where: { slug } })).id;
    boss = await startJobQueue(db);
  }, 120_000);

  afterAll(async () => {
    await boss?.stop({ graceful: false }).catch(() => undefined);
    await db?.close();
  });

  const subscribe = (teamId: string, url: string, serviceId?: string) =>
    db.prisma.webhookSubscription.create({
      data: { url, events: ["version.published"], teamId, serviceId, secretCipher: encryptSecret(newWebhookSecret()) },
      select: { id: true },
    });
  const announce = (serviceId: string) =>
    inTransaction(db.prisma, (tx) => recordWebhookEvent(tx, { type: "version.published", serviceId, data: { version: "1" } }));
  const queued = async (teamId: string) => db.prisma.webhookDelivery.count({ where: { status: "pending", queuedAt: { not: null }, subscription: { teamId } } });

  it("hands another team's fresh event to the queue at once while one team's 80 deliveries wait their turn", async () => {
    // Eighty subscriptions of one team to an endpoint that never answers, all hearing the same event.
    for (let i = 0; i < 80; i += 1) await subscribe(ids.noisy!, `https://hang-${i}.invalid/hook`);
    expect((await announce(ids["noisy-api"]!)).deliveries).toBe(80);
    await subscribe(ids.quiet!, "https://quiet.invalid/hook");
    expect((await announce(ids["quiet-api"]!)).deliveries).toBe(1);

    await queueDeliveries(db.prisma, boss, 500, 6);
    expect(await queued(ids.quiet!)).toBe(1);
    expect(await queued(ids.noisy!)).toBe(6);
    // Nothing settled yet: the noisy team gets no more workers.
    await queueDeliveries(db.prisma, boss, 500, 6);
    expect(await queued(ids.noisy!)).toBe(6);
    // One settles: one more of its deliveries may go.
    const first = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { queuedAt: { not: null }, subscription: { teamId: ids.noisy! } } });
    await db.prisma.webhookDelivery.update({ where: { id: first.id }, data: { status: "failed" } });
    expect(await queueDeliveries(db.prisma, boss, 500, 6)).toBe(1);
    expect(await queued(ids.noisy!)).toBe(6);
  }, 60_000);

  it("never marks a delivery queued without its job: a failed enqueue leaves it for the next look", async () => {
    await db.prisma.webhookDelivery.deleteMany({});
    await db.prisma.webhookSubscription.deleteMany({});
    await subscribe(ids.quiet!, "https://quiet.invalid/hook");
    await announce(ids["quiet-api"]!);
    const failing = Object.assign(Object.create(boss) as PgBoss, {
      insert: (name: string, jobs: unknown[], options?: object) =>
        jobs.length ? Promise.reject(new Error("the queue refused the jobs")) : boss.insert(name, [], options),
    });
    await expect(queueDeliveries(db.prisma, failing)).rejects.toThrow(/refused the jobs/);
    expect(await db.prisma.webhookDelivery.count({ where: { queuedAt: { not: null } } })).toBe(0);
    expect(await queueDeliveries(db.prisma, boss)).toBe(1);
    const delivery = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { queuedAt: { not: null } } });
    const jobs = await boss.findJobs(WEBHOOK_DELIVERY, { key: delivery.id });
    expect(jobs.length).toBe(1);
  }, 60_000);

  it("drops a service's subscription when its team no longer owns the service, and says so in the audit log", async () => {
    await db.prisma.webhookSubscription.deleteMany({});
    const kept = await subscribe(ids.noisy!, "https://noisy.invalid/service-hook", ids["noisy-api"]);
    // Still an owner (the default keeps the previous primary): the subscription stays.
    await transferService(db.prisma, { actor: admin, slug: "noisy-api", transfer: { primaryOwner: "quiet" } });
    expect(await db.prisma.webhookSubscription.count({ where: { id: kept.id } })).toBe(1);
    // Back to noisy as primary, then away from it for good: noisy no longer owns the service.
    await transferService(db.prisma, { actor: admin, slug: "noisy-api", transfer: { primaryOwner: "noisy" } });
    expect(await db.prisma.webhookSubscription.count({ where: { id: kept.id } })).toBe(1);
    await transferService(db.prisma, { actor: admin, slug: "noisy-api", transfer: { primaryOwner: "heirs", keepPreviousOwner: false } });
    const owners = await db.prisma.serviceOwnership.findMany({ where: { serviceId: ids["noisy-api"]! }, select: { teamId: true } });
    expect(owners.map((owner) => owner.teamId)).not.toContain(ids.noisy);
    expect(await db.prisma.webhookSubscription.count({ where: { id: kept.id } })).toBe(0);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "webhook.delete", entityId: kept.id } });
    expect(audit.entityKey).toBe("noisy");
    expect((await announce(ids["noisy-api"]!)).deliveries).toBe(0);
  }, 60_000);

  it("signs a delivery and states its timestamp from one reading of the clock", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const secret = newWebhookSecret();
      const subscription = await db.prisma.webhookSubscription.create({
        data: { url: `http://127.0.0.1:${port}/hook`, events: ["version.published"], teamId: ids.quiet!, secretCipher: encryptSecret(secret) },
      });
      const { eventId } = await announce(ids["quiet-api"]!);
      const delivery = await db.prisma.webhookDelivery.findFirstOrThrow({ where: { eventId, subscriptionId: subscription.id } });
      const settings = {
        policy: parseFetchPolicy(`127.0.0.1:${port}`),
        retryDelaySeconds: 1,
        attempts: 3,
        disableAfterHours: 72,
        timeoutMs: 5_000,
        failingTimeoutMs: 2_000,
        perTeamInFlight: 6,
      };
      // Date.now() a second and a half ahead of new Date(): two readings of the clock would disagree.
      const ahead = Date.now() + 1_500;
      const clock = vi.spyOn(Date, "now").mockReturnValue(ahead);
      try {
        expect(await attemptDelivery(db.prisma, delivery.id, settings, { last: false })).toBe("succeeded");
      } finally {
        clock.mockRestore();
      }
      const [sent] = received;
      const headers = Object.fromEntries(Object.entries(sent!.headers).map(([name, value]) => [name, String(value)]));
      expect(() => new Webhook(secret).verify(sent!.body, headers)).not.toThrow();
    } finally {
      receiver.close();
    }
  }, 60_000);

  it("announces a level change once when two recomputations overlap", async () => {
    const serviceId = ids["quiet-api"]!;
    // As if it had been Gold: the recomputation moves it.
    await db.prisma.scorecardResult.upsert({
      where: { serviceId },
      create: { serviceId, level: "Gold", levelRank: 3, checks: [] },
      update: { level: "Gold", levelRank: 3, checks: [] },
    });
    await db.prisma.webhookEvent.deleteMany({ where: { type: "scorecard.level_changed" } });
    await Promise.all([recomputeScorecards(db.prisma, { serviceIds: [serviceId] }), recomputeScorecards(db.prisma, { serviceIds: [serviceId] })]);
    expect(await db.prisma.webhookEvent.count({ where: { type: "scorecard.level_changed", serviceId } })).toBe(1);
  }, 60_000);

  it("rescores after a Backstage import commits, never inside its transaction", async () => {
    // Inside a caller's transaction it does nothing (a failed statement there would abort the caller's work).
    await createService(db.prisma, { actor: system, input: { slug: "unscored-api", name: "Unscored API", primaryOwner: "quiet" } });
    const unscored = await db.prisma.service.findUniqueOrThrow({ where: { slug: "unscored-api" }, select: { id: true } });
    await inTransaction(db.prisma, (tx) => rescoreServices(tx, [unscored.id]));
    expect(await db.prisma.scorecardResult.count({ where: { serviceId: unscored.id } })).toBe(0);
    const yaml = [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata: { name: imported-api, description: Imported }",
      "spec: { type: service, lifecycle: production, owner: group:quiet }",
    ].join("\n");
    const { outcomes } = await importBackstage(db.prisma, { actor: admin, yaml });
    expect(outcomes.map((outcome) => outcome.action)).toEqual(["created"]);
    const service = await db.prisma.service.findUniqueOrThrow({ where: { slug: "imported-api" }, select: { id: true } });
    expect(await db.prisma.scorecardResult.count({ where: { serviceId: service.id } })).toBe(1);
  }, 60_000);
});
