/**
 * How many URL sources one worker keeps fresh: BENCH_SOURCES services (default 200) whose document
 * URLs point at a local HTTP server serving Twilio's 19 real API descriptions round-robin, refreshed
 * through the job queue by one worker with WAYFINDER_WORKER_CONCURRENCY (default 4) refreshes at a
 * time. Pass 1 fetches, validates and stores every document; pass 2 is the steady state, where the
 * server answers 304 to If-None-Match. PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a
 * database is created and dropped). Prints a table; asserts nothing.
 */
import path from "node:path";
import { startSpecServer } from "../test/support/spec-server";
import { createPostgresDatabase } from "../test/support/test-databases";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const sources = Number(process.env.BENCH_SOURCES ?? 200);
const concurrency = Number(process.env.WAYFINDER_WORKER_CONCURRENCY ?? 4);
const TARGET_PER_MINUTE = 2_000 / 15;

const spec = await startSpecServer(path.join(fixtures, "twilio"));
// Loopback is refused unless allowed; set before anything reads the environment.
process.env.WAYFINDER_FETCH_ALLOW = `localhost:${new URL(spec.url).port}`;
process.env.LOG_LEVEL = "silent";

const { readdirSync } = await import("node:fs");
const { systemActor } = await import("@/lib/auth/actor");
const { openDatabase } = await import("@/lib/platform/db/open-database");
const { startJobQueue } = await import("@/lib/start-up/job-queues");
const { queueDueSources, workSourceRefreshes } = await import("@/lib/sources/source-refresh-jobs");
const { createService } = await import("@/lib/services/create-service");
const { setSource } = await import("@/lib/sources/set-source");
const { createTeam } = await import("@/lib/teams/create-team");

const postgres = process.env.BENCH_DATABASE_URL ? await createPostgresDatabase(process.env.BENCH_DATABASE_URL) : null;
const database = await openDatabase(postgres ? { kind: "postgres", url: postgres.url } : { kind: "pglite", dataDir: null });
const actor = systemActor("bench");
const files = readdirSync(path.join(fixtures, "twilio"))
  .filter((file) => file.endsWith(".yaml"))
  .sort();

await createTeam(database.prisma, { actor, input: { slug: "bench", name: "Bench" } });
for (let i = 0; i < sources; i += 1) {
  await createService(database.prisma, { actor, input: { slug: `source-${i}`, name: `Source ${i}`, primaryOwner: "bench" } });
  // Each URL is its own: the query string keeps them apart while the server serves the file.
  await setSource(database.prisma, { actor, slug: `source-${i}`, input: { url: `${spec.url}/${files[i % files.length]}?source=${i}` } });
}

const boss = await startJobQueue(database);
await workSourceRefreshes(database.prisma, boss, concurrency);

async function pass(label: string): Promise<void> {
  const started = new Date();
  await database.prisma.specSource.updateMany({ data: { nextPollAt: new Date(0) } });
  const t0 = performance.now();
  await queueDueSources(database.prisma, boss, sources);
  for (;;) {
    const done = await database.prisma.specSource.count({ where: { lastAttemptAt: { gte: started } } });
    if (done === sources) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  const failed = await database.prisma.specSource.count({ where: { lastError: { not: null } } });
  const perMinute = (sources / seconds) * 60;
  console.log(
    [
      label,
      sources,
      failed,
      seconds.toFixed(1),
      perMinute.toFixed(0),
      ((2_000 / perMinute) * 1).toFixed(1),
      perMinute >= TARGET_PER_MINUTE ? "yes" : "no",
    ].join("\t"),
  );
}

console.log(
  `\nURL source refresh through the job queue: one worker, ${concurrency} at a time, ${postgres ? "PostgreSQL" : "PGlite"}; Twilio's ${files.length} documents served locally.`,
);
console.log(`Target: 2,000 sources every 15 minutes = ${TARGET_PER_MINUTE.toFixed(0)} per minute.\n`);
console.log(["pass", "sources", "failed", "seconds", "per minute", "minutes for 2,000", "meets target"].join("\t"));
await pass("first fetch (200, stored)");
await pass("steady state (304)");

await boss.stop({ graceful: false });
await database.close();
await postgres?.drop();
await spec.close();
process.exit(0);
