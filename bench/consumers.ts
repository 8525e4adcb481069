/**
 * Consumers at scale: 2,000 services each declaring ~20 operations of Stripe's API (2022-03-25; a
 * fifth of them by METHOD /path, the rest by operationId, one in ten the whole API, one in ten pinned
 * to a version range the revision leaves out). Then (1) the impact lookup added to the Stripe pair's
 * diff: the diff alone, the lookup (database reads, operationId resolution, matching every change
 * against every consumer), and how many database queries it made; (2) the consumers API over HTTP
 * under 50 clients (the provider's 2,000 consumers; a consumer's dependencies; a neighbourhood graph),
 * p50/p95/p99. On PGlite, and on PostgreSQL with BENCH_DATABASE_URL. Prints; asserts nothing.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/platform/db/open-database";
import type { DatabaseTarget } from "@/lib/platform/db/database-target";
import { startPortal } from "../test/support/portal-server";
import { createPostgresDatabase } from "../test/support/test-databases";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const consumers = Number(process.env.BENCH_CONSUMERS ?? 2000);
const perConsumer = 20;
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);

const stripePath = (name: string) => path.join(fixtures, "stripe", name);
if (!existsSync(stripePath("spec3.2022-03-25.json"))) {
  console.log("\nConsumers at scale: skipped (no Stripe fixtures; set WAYFINDER_FIXTURES).");
  process.exit(0);
}
const { diffDocuments } = await import("@/lib/diff/diff-documents");
const { annotateImpact } = await import("@/lib/consumers/change-impact");
const { loadImpactConsumers } = await import("@/lib/consumers/load-impact-consumers");
const { operationIdIndex } = await import("@/lib/consumers/operation-key");
const { extractOperations } = await import("@/lib/openapi/extract-operations");
const { publishVersion } = await import("@/lib/versions/publish-version");
const { createTeam } = await import("@/lib/teams/create-team");
const { createService } = await import("@/lib/services/create-service");
const { systemActor } = await import("@/lib/auth/actor");

const baseText = readFileSync(stripePath("spec3.2021-12-17.json"), "utf8");
const revisionText = readFileSync(stripePath("spec3.2022-03-25.json"), "utf8");
const base = JSON.parse(baseText) as Record<string, unknown>;
const revision = JSON.parse(revisionText) as Record<string, unknown>;
const operations = extractOperations(base);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/** A deterministic spread of operations per consumer (no two alike, no randomness between runs). */
function declaration(n: number) {
  const picked = Array.from({ length: perConsumer }, (_, i) => operations[(n * 37 + i * 101) % operations.length]!);
  const refs = picked.map((operation, i) => (i % 5 === 0 || !operation.operationId ? `${operation.method} ${operation.path}` : operation.operationId));
  return {
    operations: n % 10 === 0 ? [] : [...new Set(refs)],
    versions: n % 10 === 5 ? "<2000" : "*",
  };
}

async function seed(target: DatabaseTarget) {
  const database = await openDatabase(target);
  const actor = systemActor("bench");
  const started = performance.now();
  await createTeam(database.prisma, { actor, input: { slug: "bench", name: "Bench" } });
  await createService(database.prisma, { actor, input: { slug: "stripe", name: "Stripe", primaryOwner: "bench" } });
  await publishVersion(database.prisma, { actor, serviceSlug: "stripe", text: baseText });
  const provider = await database.prisma.service.findUniqueOrThrow({ where: { slug: "stripe" }, select: { id: true } });
  const team = await database.prisma.team.findUniqueOrThrow({ where: { slug: "bench" }, select: { id: true } });
  for (let start = 0; start < consumers; start += 500) {
    const batch = Array.from({ length: Math.min(500, consumers - start) }, (_, i) => start + i);
    await database.prisma.service.createMany({ data: batch.map((n) => ({ id: `consumer-${n}`, slug: `consumer-${n}`, name: `Consumer ${n}` })) });
    await database.prisma.serviceOwnership.createMany({ data: batch.map((n) => ({ serviceId: `consumer-${n}`, teamId: team.id, isPrimary: true })) });
    await database.prisma.consumption.createMany({
      data: batch.map((n) => ({ consumerId: `consumer-${n}`, providerId: provider.id, createdBy: "bench", source: "file" as const, ...declaration(n) })),
    });
  }
  console.log(`  seeded ${consumers} consumers of Stripe in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { database, providerId: provider.id };
}

async function impact(name: string, target: DatabaseTarget) {
  const { database, providerId } = await seed(target);
  let queries = 0;
  const counted = database.prisma.$extends({
    query: {
      $allOperations: async ({ args, query }) => {
        queries += 1;
        return query(args);
      },
    },
  }) as unknown as typeof database.prisma;
  try {
    const diffTimes: number[] = [];
    const lookupTimes: number[] = [];
    let touched = 0;
    let considered = 0;
    let perRun = 0;
    for (let run = 0; run < 5; run += 1) {
      const startedDiff = performance.now();
      const result = diffDocuments(base, revision, { reach: true });
      diffTimes.push(performance.now() - startedDiff);
      const before = queries;
      const startedLookup = performance.now();
      const found = await loadImpactConsumers(counted, providerId);
      const annotated = annotateImpact(result, found, {
        revisionVersion: String((revision.info as { version: string }).version),
        operationIds: operationIdIndex([...extractOperations(base), ...extractOperations(revision)]),
      });
      lookupTimes.push(performance.now() - startedLookup);
      perRun = queries - before;
      touched = annotated.impact!.consumers;
      considered = annotated.impact!.considered;
    }
    console.log([name, median(diffTimes).toFixed(0), median(lookupTimes).toFixed(0), perRun, `${touched} of ${considered}`].join("\t"));
  } finally {
    await database.close();
  }
}

async function drive(base: string, url: (n: number) => string) {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const response = await fetch(`${base}${url(n++)}`);
        bytes = (await response.arrayBuffer()).byteLength;
        latencies.push(performance.now() - sent);
        if (!response.ok) errors += 1;
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return [percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)]
    .map((ms) => ms.toFixed(1))
    .concat([(sorted.length / elapsed).toFixed(0), String(errors), `${(bytes / 1024).toFixed(0)} KB`]);
}

async function api(name: string, target: DatabaseTarget, env: Record<string, string>) {
  if (!existsSync(path.resolve(".next/BUILD_ID"))) return console.log(`${name}: consumers API skipped (run \`npm run build\` first).`);
  const { database } = await seed(target);
  await database.close();
  const portal = await startPortal({ ...env, WAYFINDER_DEMO: "false", LOG_LEVEL: "warn", WAYFINDER_POLL_SECONDS: "0" });
  try {
    const reads: [string, (n: number) => string][] = [
      [`GET /services/stripe/consumers (${consumers})`, () => "/api/v1/services/stripe/consumers"],
      ["GET /services/{consumer}/dependencies", (n) => `/api/v1/services/consumer-${(n * 7919) % consumers}/dependencies`],
      ["GET /services/{consumer}/graph", (n) => `/api/v1/services/consumer-${(n * 7919) % consumers}/graph`],
      ["GET /services/stripe/graph", () => "/api/v1/services/stripe/graph"],
    ];
    for (const [label, url] of reads) {
      await drive(portal.url, url);
      console.log([`${name}: ${label}`, ...(await drive(portal.url, url))].join("\t"));
    }
  } finally {
    await portal.stop();
  }
}

console.log(`\nConsumers: ${consumers} services declaring ~${perConsumer} Stripe operations each.`);
console.log("\nImpact on the Stripe pair (2021-12-17 → 2022-03-25), median of 5 (ms):");
console.log(["database", "diff", "+ impact lookup", "queries", "consumers touched"].join("\t"));
const dataDir = path.resolve(".data", `bench-consumers-${process.pid}`);
const postgres = process.env.BENCH_DATABASE_URL;
try {
  await impact("PGlite", { kind: "pglite", dataDir: path.join(dataDir, "impact") });
  if (postgres) {
    const database = await createPostgresDatabase(postgres);
    try {
      await impact("PostgreSQL", { kind: "postgres", url: database.url });
    } finally {
      await database.drop();
    }
  }
  console.log(`\nConsumers API, ${clients} clients × ${seconds} s each (after a warm-up run): p50, p95, p99 (ms), req/s, errors, size`);
  if (postgres) {
    const database = await createPostgresDatabase(postgres);
    try {
      await api(
        "PostgreSQL",
        { kind: "postgres", url: database.url },
        { DATABASE_URL: database.url, NEXTAUTH_SECRET: "a-bench-secret-that-is-at-least-32-characters" },
      );
    } finally {
      await database.drop();
    }
  } else {
    await api("PGlite", { kind: "pglite", dataDir: path.join(dataDir, "api", "pglite") }, { WAYFINDER_DATA_DIR: path.join(dataDir, "api") });
    console.log("Consumers API on PostgreSQL: skipped (set BENCH_DATABASE_URL).");
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
