/**
 * Deprecation and sunset: a deprecated service's sunset date and the `x-sunset` of deprecated
 * operations in the version a service serves, listed soonest first and filterable by "within N days",
 * in the deprecations list and the catalogue; a version published with an operation past its sunset
 * is flagged; an operation's sunset is announced to subscribers a week ahead, once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { listDeprecations } from "@/lib/deprecations/list-deprecations";
import { createService } from "@/lib/services/create-service";
import { getService } from "@/lib/services/get-service";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersSchema } from "@/lib/services/service-filters";
import { updateService } from "@/lib/services/update-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishVersion } from "@/lib/versions/publish-version";
import { announceSunsets } from "@/lib/webhooks/announce-sunsets";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("deprecations test");
const day = (fromNow: number) => new Date(Date.now() + fromNow * 86_400_000).toISOString().slice(0, 10);

describe.each(testDatabases)("deprecations on $name", ({ open }) => {
  let db: Database;

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "old", name: "Old" } });
    await createService(db.prisma, { actor, input: { slug: "going", name: "Going", primaryOwner: "old" } });
    await updateService(db.prisma, { actor, slug: "going", changes: { lifecycle: "deprecated", sunsetDate: day(20) } });
    await createService(db.prisma, { actor, input: { slug: "staying", name: "Staying", primaryOwner: "old" } });
    const paths = {
      "/old": { get: { deprecated: true, "x-sunset": day(40), responses: { "200": { description: "ok" } } } },
      "/older": { get: { deprecated: true, responses: { "200": { description: "ok" } } } },
      "/new": { get: { responses: { "200": { description: "ok" } } } },
    };
    await publishVersion(db.prisma, {
      actor,
      serviceSlug: "staying",
      text: JSON.stringify({ openapi: "3.0.3", info: { title: "Staying", version: "1.0.0" }, paths }),
    });
  });
  afterAll(async () => db?.close());

  it("keeps a deprecated service's sunset date", async () => {
    expect((await getService(db.prisma, "going")).sunsetDate).toBe(day(20));
  });

  it("lists what goes away, soonest first, and what has no date last", async () => {
    const all = await listDeprecations(db.prisma);
    expect(all.map((item) => [item.kind, item.service.slug, item.operation, item.sunset])).toEqual([
      ["service", "going", null, day(20)],
      ["operation", "staying", "GET /old", day(40)],
      ["operation", "staying", "GET /older", null],
    ]);
    expect((await listDeprecations(db.prisma, { within: 30 })).map((item) => item.service.slug)).toEqual(["going"]);
    expect((await listDeprecations(db.prisma, { within: 60 })).map((item) => item.operation)).toEqual([null, "GET /old"]);
  });

  it("filters the catalogue to services whose sunset (or a deprecated operation's) is within N days", async () => {
    const within = async (days: number) =>
      (await listServices(db.prisma, serviceFiltersSchema.parse({ sunsetWithin: String(days) }), { myTeamIds: [] })).items.map((item) => item.slug).sort();
    expect(await within(30)).toEqual(["going"]);
    expect(await within(60)).toEqual(["going", "staying"]);
    expect(await within(5)).toEqual([]);
  });

  it("flags a version that still holds an operation past its sunset, and announces operation sunsets a week ahead, once", async () => {
    await createService(db.prisma, { actor, input: { slug: "sunsetting", name: "Sunsetting", primaryOwner: "old" } });
    const ok = { "200": { description: "ok" } };
    const paths = {
      "/late": { get: { deprecated: true, "x-sunset": day(-3), responses: ok } },
      "/soon": { get: { deprecated: true, "x-sunset": day(5), responses: ok } },
      "/later": { get: { deprecated: true, "x-sunset": day(20), responses: ok } },
    };
    const published = await publishVersion(db.prisma, {
      actor,
      serviceSlug: "sunsetting",
      text: JSON.stringify({ openapi: "3.0.3", info: { title: "Sunsetting", version: "1.0.0" }, paths }),
    });
    expect(published.message).toContain(`Warning: GET /late (sunset ${day(-3)}) is past its sunset and still published.`);

    await announceSunsets(db.prisma);
    const service = await db.prisma.service.findUniqueOrThrow({ where: { slug: "sunsetting" }, select: { id: true } });
    const announced = async () =>
      (await db.prisma.webhookEvent.findMany({ where: { type: "service.sunset_approaching", serviceId: service.id } })).map(
        (event) => (event.payload as { data: { operation?: string; sunsetDate: string; daysLeft: number } }).data,
      );
    const events = await announced();
    // Only the operation within a week; the one past its sunset is not "approaching", the one in 20 days not yet.
    expect(events.map((data) => [data.operation, data.sunsetDate])).toEqual([["GET /soon", day(5)]]);
    expect([4, 5]).toContain(events[0]!.daysLeft);
    // Once per operation and date, however often the background work looks.
    expect(await announceSunsets(db.prisma)).toBe(0);
    expect(await announced()).toHaveLength(1);
  });
});
