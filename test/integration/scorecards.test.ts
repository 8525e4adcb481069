import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { lintVersion, versionsToLint } from "@/lib/lint/lint-version";
import { getScorecard } from "@/lib/scorecards/get-scorecard";
import { recomputeScorecards } from "@/lib/scorecards/recompute-scorecards";
import { scorecardOverview } from "@/lib/scorecards/scorecard-overview";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersSchema } from "@/lib/services/service-filters";
import { updateService } from "@/lib/services/update-service";
import { updateTeam } from "@/lib/teams/update-team";
import { publishVersion } from "@/lib/versions/publish-version";
import { parse } from "yaml";
import { prepareEventReceived } from "@/lib/asyncapi/prepare-event-document";
import { readDemoEvents } from "@/lib/demo/demo-specs";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { publishEventVersion } from "@/lib/versions/publish-event-version";
import { openDemoDatabase } from "../support/demo-database";
import { testDatabases } from "../support/test-databases";

const anonymous = { kind: "anonymous" } as const;
const publisher = systemActor("scorecard test");

/** Lints what is waiting, as the background job does, and recomputes the levels it feeds. */
async function lintAndScore(db: Database) {
  for (const id of await versionsToLint(db.prisma)) await lintVersion(db.prisma, id);
  return recomputeScorecards(db.prisma);
}

describe.each(testDatabases)("scorecards on $name", ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await openDemoDatabase(open);
  }, 180_000);
  afterAll(async () => db?.close());

  it("gives every demo service a level, records the day's distribution, and filters and sorts the catalogue by level", async () => {
    await lintAndScore(db);
    const levels = Object.fromEntries(
      (await db.prisma.scorecardResult.findMany({ select: { level: true, service: { select: { slug: true } } } })).map((row) => [row.service.slug, row.level]),
    );
    console.log(`demo levels: ${JSON.stringify(levels)}`);
    expect(Object.keys(levels)).toHaveLength(await db.prisma.service.count());
    // The retired gateway has left the scorecards; the deprecated Shipping Rates, whose operations have no sunset date, stops at Bronze.
    expect(levels["warehouse-scanner-gateway"]).toBeNull();
    expect(levels["shipping-rates"]).toBe("Bronze");

    const overview = await scorecardOverview(db.prisma, anonymous);
    expect(overview.levels.reduce((sum, level) => sum + level.count, 0)).toBe((await db.prisma.service.count()) - 1);
    expect(overview.trend).toHaveLength(1);
    expect(overview.trend[0]!.counts).toEqual(overview.levels.map((level) => level.count));

    const bronze = await listServices(db.prisma, serviceFiltersSchema.parse({ level: "Bronze" }));
    expect(bronze.items.map((item) => item.slug).sort()).toEqual(
      Object.keys(levels)
        .filter((slug) => levels[slug] === "Bronze")
        .sort(),
    );
    const sorted = await listServices(db.prisma, serviceFiltersSchema.parse({ sort: "level", pageSize: "100" }));
    const ranks = sorted.items.map((item) => ["Gold", "Silver", "Bronze"].indexOf(item.level ?? "") >>> 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  }, 180_000);

  it("moves a service's level when a version is published: a sunset date, then dated deprecations, lift Shipping Rates", async () => {
    const before = await getScorecard(db.prisma, { actor: anonymous, serviceSlug: "shipping-rates" });
    expect(before).toMatchObject({ level: "Bronze", next: { name: "Silver" } });
    expect(before!.next!.missing.find((check) => check.id === "lifecycle-hygiene")!.detail).toBe("Deprecated without a sunset date.");
    // Its maintainers say when it goes: the service is dated, its operations are not yet.
    await updateService(db.prisma, { actor: publisher, slug: "shipping-rates", changes: { sunsetDate: "2026-12-31" } });
    await recomputeScorecards(db.prisma);
    const dated = await getScorecard(db.prisma, { actor: anonymous, serviceSlug: "shipping-rates" });
    expect(dated!.next!.missing.find((check) => check.id === "lifecycle-hygiene")!.detail).toBe("2 deprecated operations without a sunset date.");

    const current = await db.prisma.apiDocument.findFirstOrThrow({
      where: { apiVersion: { service: { slug: "shipping-rates" }, servedBy: { isNot: null } } },
      select: { json: true },
    });
    const document = JSON.parse(current.json) as {
      info: { version: string };
      paths: Record<string, Record<string, { deprecated?: boolean; "x-sunset"?: string }>>;
    };
    document.info.version = `${document.info.version}-dated`;
    for (const item of Object.values(document.paths))
      for (const operation of Object.values(item)) if (operation.deprecated) operation["x-sunset"] = "2027-03-31";
    await publishVersion(db.prisma, { actor: publisher, serviceSlug: "shipping-rates", text: JSON.stringify(document), origin: "push" });

    const changes = await lintAndScore(db);
    const after = await getScorecard(db.prisma, { actor: anonymous, serviceSlug: "shipping-rates" });
    expect(after!.levels.find((level) => level.name === "Silver")!.checks.find((check) => check.id === "lifecycle-hygiene")).toMatchObject({ pass: true });
    expect(after!.level).not.toBe("Bronze");
    const service = await db.prisma.service.findUniqueOrThrow({ where: { slug: "shipping-rates" }, select: { id: true } });
    expect(changes).toContainEqual({ serviceId: service.id, from: "Bronze", to: after!.level });
  }, 180_000);

  it("recomputes at once when a team's contacts change, without waiting for the schedule", async () => {
    // (Payments API is Silver in the demo: its 1.1.0 broke capture without a new major version.)
    expect((await getScorecard(db.prisma, { actor: anonymous, serviceSlug: "orders-api" }))!.level).toBe("Gold");
    await updateTeam(db.prisma, { actor: publisher, slug: "commerce", changes: { chatChannel: null, email: null } });
    const now = await getScorecard(db.prisma, { actor: anonymous, serviceSlug: "orders-api" });
    expect(now).toMatchObject({
      level: null,
      next: { name: "Bronze", missing: [{ id: "ownership", detail: "The primary owning team has no chat channel or email." }] },
    });
    const events = await db.prisma.webhookEvent.findMany({ where: { type: "scorecard.level_changed" }, select: { payload: true } });
    expect(events.map((event) => (event.payload as { data: unknown }).data)).toContainEqual({
      service: { slug: "orders-api", name: "Orders API" },
      from: "Gold",
      to: null,
    });
  });

  it("counts an event API: a message without an example fails documentation, naming the event API", async () => {
    const documentation = async () =>
      (await getScorecard(db.prisma, { actor: anonymous, serviceSlug: "inventory-service" }))!.levels
        .flatMap((level) => level.checks)
        .find((check) => check.id === "documentation")!;
    expect((await documentation()).detail).not.toMatch(/event API/);
    // The demo's Inventory events (AsyncAPI 2.6), its orders.placed message without its example.
    const document = parse(readDemoEvents("inventory-events.yaml")) as {
      info: { version: string };
      channels: Record<string, { publish?: { message: { examples?: unknown } } }>;
    };
    document.info.version = "1.0.1";
    delete document.channels["orders.placed"]!.publish!.message.examples;
    const prepared = await prepareEventReceived(Buffer.from(JSON.stringify(document)), "application/json", defaultIngestLimits);
    await publishEventVersion(db.prisma, { actor: publisher, serviceSlug: "inventory-service", prepared });
    await recomputeScorecards(db.prisma);
    expect(await documentation()).toMatchObject({
      pass: false,
      detail: expect.stringMatching(/an example for every message of its event API \(1 of \d+ have none\)/),
    });
  });
});
