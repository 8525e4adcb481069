/**
 * The job queue (pg-boss in the portal's own database) on PGlite and PostgreSQL: due sources are
 * queued once however many processes look, every queued refresh runs once, jobs outlive a restart,
 * a refresh that failed for a passing reason is retried, and one source is never queued twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PgBoss } from "pg-boss";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { SOURCE_REFRESH } from "@/lib/sources/source-refresh-jobs";
import { startJobQueue } from "@/lib/start-up/job-queues";
import { queueDueSources, workSourceRefreshes } from "@/lib/sources/source-refresh-jobs";
import { createService } from "@/lib/services/create-service";
import { setSource } from "@/lib/sources/set-source";
import { createTeam } from "@/lib/teams/create-team";
import { openApi30 } from "../support/documents";
import { startSpecServer, type SpecServer } from "../support/spec-server";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("job queue test");
let spec: SpecServer;
const previousAllow = process.env.WAYFINDER_FETCH_ALLOW;
beforeAll(async () => {
  spec = await startSpecServer();
  process.env.WAYFINDER_FETCH_ALLOW = `localhost:${new URL(spec.url).port}`;
});
afterAll(async () => {
  process.env.WAYFINDER_FETCH_ALLOW = previousAllow;
  await spec?.close();
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(testDatabases)("the job queue on $name", ({ name, open }) => {
  let db: Database;
  const bosses: PgBoss[] = [];
  const requestsFor = (path: string) => spec.requests.filter((request) => request.path === path).length;

  /** Services with URL sources, all due now; returns their document paths. */
  async function dueSources(prefix: string, count: number): Promise<string[]> {
    const paths: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const slug = `${prefix}-${i}`;
      const path = `/${name}/${slug}.json`;
      spec.set(path, { text: openApi30("1.0.0", [`/${slug}`]) });
      await createService(db.prisma, { actor, input: { slug, name: slug, primaryOwner: "jobs" } });
      await setSource(db.prisma, { actor, slug, input: { url: `${spec.url}${path}` } });
      paths.push(path);
    }
    await db.prisma.specSource.updateMany({ where: { service: { slug: { startsWith: `${prefix}-` } } }, data: { nextPollAt: new Date(0) } });
    return paths;
  }
  const published = async (prefix: string) => db.prisma.apiVersion.count({ where: { service: { slug: { startsWith: `${prefix}-` } } } });

  beforeAll(async () => {
    db = await open();
    await createTeam(db.prisma, { actor, input: { slug: "jobs", name: "Jobs" } });
  });
  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false }).catch(() => undefined);
    await db?.close();
  });

  it("refreshes every due source exactly once with two queues and their workers on one database", async () => {
    const paths = await dueSources("twice", 12);
    // Two "processes": on PostgreSQL two pg-boss instances with their own connections; PGlite has
    // one process by nature, so both share it there.
    const [a, b] = [await startJobQueue(db), await startJobQueue(db)];
    bosses.push(a, b);
    await Promise.all([workSourceRefreshes(db.prisma, a, 2), workSourceRefreshes(db.prisma, b, 2)]);
    const queued = await Promise.all([
      queueDueSources(db.prisma, a),
      queueDueSources(db.prisma, b),
      queueDueSources(db.prisma, a),
      queueDueSources(db.prisma, b),
    ]);
    expect(queued.reduce((sum, count) => sum + count, 0)).toBe(12);
    await until(async () => (await published("twice")) === 12, "12 versions");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(paths.map(requestsFor)).toEqual(paths.map(() => 1));
    await Promise.all([a.offWork(SOURCE_REFRESH), b.offWork(SOURCE_REFRESH)]);
  }, 60_000);

  it("keeps queued refreshes across a restart", async () => {
    const paths = await dueSources("restart", 3);
    const before = await startJobQueue(db);
    expect(await queueDueSources(db.prisma, before)).toBe(3);
    await before.stop({ graceful: false });
    expect(paths.map(requestsFor)).toEqual([0, 0, 0]);

    const after = await startJobQueue(db);
    bosses.push(after);
    await workSourceRefreshes(db.prisma, after, 2);
    await until(async () => (await published("restart")) === 3, "3 versions after the restart");
    await after.offWork(SOURCE_REFRESH);
  }, 60_000);

  it("retries a refresh that failed for a reason that passes, with backoff", async () => {
    const [path] = await dueSources("flaky", 1);
    spec.set(path!, { status: 503 });
    const boss = await startJobQueue(db, { retryDelaySeconds: 1 });
    bosses.push(boss);
    await workSourceRefreshes(db.prisma, boss, 1);
    expect(await queueDueSources(db.prisma, boss)).toBe(1);
    await until(async () => requestsFor(path!) >= 1, "the first attempt");
    spec.set(path!, { text: openApi30("1.0.0", ["/flaky"]) });
    await until(async () => (await published("flaky")) === 1, "the retried refresh");
    expect(requestsFor(path!)).toBeGreaterThanOrEqual(2);
    await boss.offWork(SOURCE_REFRESH);
  }, 60_000);

  it("never queues one source twice while its refresh waits", async () => {
    const boss = await startJobQueue(db);
    bosses.push(boss);
    const first = await boss.send(SOURCE_REFRESH, { sourceId: "same" }, { singletonKey: "same" });
    const second = await boss.send(SOURCE_REFRESH, { sourceId: "same" }, { singletonKey: "same" });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await boss.deleteQueuedJobs(SOURCE_REFRESH);
  });
});
