import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { dxSlos } from "@/lib/insights/dx-slos";
import { recordDocsOpened, recordTryCall } from "@/lib/try-it/first-call/record-try-event";
import { timeToFirstCall } from "@/lib/try-it/first-call/time-to-first-call";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("ttfc test");
const now = new Date("2026-11-30T12:00:00Z");
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);

describe.each(testDatabases)("time to first successful call on $name", ({ open }) => {
  let db: Database;
  const users: string[] = [];

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "ttfc", name: "TTFC" } });
    for (const slug of ["quick", "slow", "untried"]) await createService(db.prisma, { actor, input: { slug, name: slug, primaryOwner: "ttfc" } });
    for (let index = 0; index < 5; index += 1)
      users.push((await db.prisma.user.create({ data: { email: `p${index}@ttfc.test`, name: `Person ${index}` } })).id);
    const call = (user: string, slug: string, minutesAgo: number, status: number) =>
      recordTryCall(db.prisma, { userId: user, serviceSlug: slug, via: "mock", operation: "GET /x", status, latencyMs: 5 }, at(minutesAgo));

    // quick: four people. 2, 4 and 10 minutes from opening to a first 2xx; failures before it do not count;
    // a call before opening the docs does not count; the fourth never succeeded.
    await recordDocsOpened(db.prisma, { userId: users[0]!, serviceSlug: "quick" }, at(60));
    await call(users[0]!, "quick", 59, 422);
    await call(users[0]!, "quick", 58, 200);
    await call(users[0]!, "quick", 30, 200);
    // Opening again later changes nothing: the first opening is kept.
    await recordDocsOpened(db.prisma, { userId: users[0]!, serviceSlug: "quick" }, at(1));
    await call(users[1]!, "quick", 130, 200);
    await recordDocsOpened(db.prisma, { userId: users[1]!, serviceSlug: "quick" }, at(120));
    await call(users[1]!, "quick", 116, 201);
    await recordDocsOpened(db.prisma, { userId: users[2]!, serviceSlug: "quick" }, at(50));
    await call(users[2]!, "quick", 40, 204);
    await recordDocsOpened(db.prisma, { userId: users[3]!, serviceSlug: "quick" }, at(50));
    await call(users[3]!, "quick", 45, 500);

    // slow: one person, three days; another whose first success was 100 days ago (outside the window).
    await recordDocsOpened(db.prisma, { userId: users[0]!, serviceSlug: "slow" }, at(3 * 1440 + 5));
    await call(users[0]!, "slow", 5, 200);
    await recordDocsOpened(db.prisma, { userId: users[4]!, serviceSlug: "slow" }, at(101 * 1440));
    await call(users[4]!, "slow", 100 * 1440, 200);
  });
  afterAll(async () => db?.close());

  it("measures from the first opening to the first 2xx after it, per person, over the last 90 days", async () => {
    const figures = await timeToFirstCall(db.prisma, { now });
    const byId = new Map(figures.map((figure) => [figure.serviceId, figure]));
    const quick = byId.get((await db.prisma.service.findUniqueOrThrow({ where: { slug: "quick" } })).id)!;
    // 2, 4 and 10 minutes: median 4 min; 90th percentile by linear interpolation 4 + 0.8 × 6 = 8.8 min.
    expect(quick.people).toBe(3);
    expect(quick.p50Seconds).toBeCloseTo(240, 6);
    expect(quick.p90Seconds).toBeCloseTo(528, 6);
    const slow = byId.get((await db.prisma.service.findUniqueOrThrow({ where: { slug: "slow" } })).id)!;
    expect(slow).toMatchObject({ people: 1, p50Seconds: 3 * 86_400, p90Seconds: 3 * 86_400 });
    expect(figures).toHaveLength(2);
  });

  it("ranks services and teams furthest from the target first, with a weekly trend, for /insights", async () => {
    const slo = (await dxSlos(db.prisma, actor, now)).slos.find((item) => item.id === "timeToFirstCall")!;
    expect(slo.services.map((row) => [row.slug, row.count, row.met])).toEqual([
      ["slow", 1, false],
      ["quick", 3, true],
    ]);
    // The team owns both: its figure is over all four people's samples (2, 4, 10 min and 3 days), not a mean of the services'.
    expect(slo.teams).toEqual([expect.objectContaining({ slug: "ttfc", count: 4, p50: 420 })]);
    expect(slo.company).toMatchObject({ count: 4, p50: 420 });
    // Thirteen weeks back from now; the quick ones fall in the last week, slow's success three days ago too.
    expect(slo.trend).toHaveLength(13);
    expect(slo.trend.at(-1)).toMatchObject({ count: 4 });
    expect(slo.trend.slice(0, -1).every((week) => week.count === 0 && week.value === null)).toBe(true);
  });

  it("keeps one opening per person and service", async () => {
    expect(await db.prisma.tryEvent.count({ where: { userId: users[0]!, kind: "docs_opened" } })).toBe(2);
  });
});
