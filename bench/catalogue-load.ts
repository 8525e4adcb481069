/**
 * The catalogue at scale, over HTTP against the production build: 2,000 services with 100,000
 * operations (bench/catalogue-data.ts, loaded through the publishing pipeline), then 50 concurrent
 * clients for BENCH_LOAD_SECONDS (30) against each read (after 3 s of warm-up), and one client
 * running search queries one after another. On the embedded database, and on PostgreSQL when
 * BENCH_DATABASE_URL is set (BENCH_CATALOGUE_DATABASES=postgres for that one alone). Prints p50/p95/p99
 * (ms), requests per second, errors, response size, and each p95 against the floor's: /api/health,
 * which neither queues nor reads the database. On PostgreSQL the reads run twice, with the HTTP
 * server's back-pressure (scripts/admission.mjs) and without it (BENCH_WITHOUT_BACKPRESSURE=false
 * skips that run). BENCH_SERVICES and BENCH_OPERATIONS_PER_SERVICE scale it down for a quick look;
 * BENCH_READS (a regular expression over the labels) picks reads.
 * Asserts nothing.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/platform/db/open-database";
import type { DatabaseTarget } from "@/lib/platform/db/database-target";
import { startPortal } from "../test/support/portal-server";
import { createPostgresDatabase } from "../test/support/test-databases";
import { loadBenchCompany, type BenchCompany } from "./catalogue-data";

const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const services = Number(process.env.BENCH_SERVICES ?? 2000);
const operationsPerService = Number(process.env.BENCH_OPERATIONS_PER_SERVICE ?? 50);

if (!existsSync(path.resolve(".next/BUILD_ID"))) {
  console.log("\nCatalogue at scale: skipped (run `npm run build` first).");
  process.exit(0);
}

/** BENCH_READS: a regular expression; only the reads whose label it matches are driven (the floor always is). */
const only = process.env.BENCH_READS ? new RegExp(process.env.BENCH_READS) : null;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

interface Outcome {
  latencies: number[];
  errors: Map<string, number>;
  bytes: number;
  elapsed: number;
}

/**
 * `count` clients, each requesting the next URL as soon as the last answered, until the deadline. A
 * status of 400 or more is an error unless it is the one `expected`.
 */
async function drive(
  base: string,
  url: (n: number) => string,
  count: number,
  forSeconds: number,
  expected = 200,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const outcome: Outcome = { latencies: [], errors: new Map(), bytes: 0, elapsed: 0 };
  const start = performance.now();
  const deadline = start + forSeconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (performance.now() < deadline) {
        const target = url(n++);
        const sent = performance.now();
        try {
          const response = await fetch(`${base}${target}`, { headers });
          const body = await response.arrayBuffer();
          outcome.latencies.push(performance.now() - sent);
          outcome.bytes = body.byteLength;
          if (response.status >= 400 && response.status !== expected)
            outcome.errors.set(String(response.status), (outcome.errors.get(String(response.status)) ?? 0) + 1);
        } catch (error) {
          const key = (error as Error).message;
          outcome.errors.set(key, (outcome.errors.get(key) ?? 0) + 1);
        }
      }
    }),
  );
  outcome.elapsed = (performance.now() - start) / 1000;
  return outcome;
}

function row(name: string, outcome: Outcome, floorP95?: number): string {
  const sorted = [...outcome.latencies].sort((a, b) => a - b);
  const errors = [...outcome.errors].map(([key, value]) => `${value}×${key}`).join(" ") || "0";
  return [
    name,
    percentile(sorted, 50).toFixed(1),
    percentile(sorted, 95).toFixed(1),
    percentile(sorted, 99).toFixed(1),
    (sorted.length / outcome.elapsed).toFixed(0),
    errors,
    `${(outcome.bytes / 1024).toFixed(0)} KB`,
    floorP95 ? `${(percentile(sorted, 95) / floorP95).toFixed(2)}×` : "",
  ].join("\t");
}

async function seed(target: DatabaseTarget): Promise<BenchCompany> {
  const started = performance.now();
  const database = await openDatabase(target);
  try {
    const company = await loadBenchCompany(database.prisma, {
      services,
      operationsPerService,
      onProgress: (done) => process.stderr.write(`\r  ${done} services published`),
    });
    const operations = await database.prisma.operation.count();
    const minutes = (performance.now() - started) / 60_000;
    console.log(
      `\n  loaded ${services} services, ${operations} operations through publishVersion in ${minutes.toFixed(1)} min (${(services / minutes).toFixed(0)} services/min)`,
    );
    return company;
  } finally {
    await database.close();
  }
}

async function run(name: string, target: DatabaseTarget, env: Record<string, string>, variants: [string, Record<string, string>][] = [["", {}]]) {
  console.log(`\n${name}: ${services} services × ${operationsPerService} operations, ${clients} clients × ${seconds} s per read`);
  const company = await seed(target);
  for (const [variant, extra] of variants) {
    const portal = await startPortal({ ...env, ...extra, WAYFINDER_DEMO: "false", LOG_LEVEL: "warn", WAYFINDER_POLL_SECONDS: "0" });
    try {
      if (variant) console.log(`\n${variant}`);
      await drive(portal.url, () => "/api/health", clients, 3);
      const floor = await drive(portal.url, () => "/api/health", clients, seconds);
      const floorP95 = percentile(
        [...floor.latencies].sort((a, b) => a - b),
        95,
      );
      const at = <T>(list: T[], n: number) => list[n % list.length]!;
      const queries = [
        `createInvoice${services >> 1}`,
        "refund capture",
        "shipmnet",
        "/v1/parcels/{parcelId}",
        "idempotency key",
        "cancel subscription",
        "webhok",
        "tenant",
        `get${"Customer"}${services - 1}`,
        "payments ledger",
      ];
      // Search, one client, one query after another.
      const single = await drive(portal.url, (n) => `/api/v1/search?q=${encodeURIComponent(at(queries, n))}`, 1, Math.min(seconds, 15));
      // Every service in turn, in a scattered order.
      const eachService = (n: number) => `/services/${at(company.services, n * 7919)}`;
      const reads: [string, (n: number) => string, number?, Record<string, string>?][] = [
        ["GET /api/v1/services", () => "/api/v1/services"],
        ["… ?team=", (n) => `/api/v1/services?team=${at(company.teams, n)}`],
        ["… ?lifecycle=deprecated", () => "/api/v1/services?lifecycle=deprecated"],
        ["… ?tag=", (n) => `/api/v1/services?tag=${at(company.tags, n)}`],
        ["… ?q= (names and operations)", (n) => `/api/v1/services?q=${at(company.words, n)}`],
        ["… ?page=20", () => "/api/v1/services?page=20"],
        ["GET /api/v1/search?q=", (n) => `/api/v1/search?q=${encodeURIComponent(at(queries, n))}`],
        // What Next.js costs for any page here: the layout and the not-found page, no query (a 404, as expected).
        ["a page without data (404)", () => "/no-such-page", 404],
        ["/services (page)", () => "/services"],
        // Any cookie but the CSRF one (a session's, say) makes the page the reader's own: rendered for them, as before the shared page.
        ["/services (page, rendered per reader)", () => "/services", 200, { Cookie: "someone=else" }],
        // 2,000 services in turn: a shared page kept for the first reader is seldom there for the next
        // (200 are kept at most), so each is rendered; between two runs rendered per reader, as the
        // background lints of the 2,000 versions just published load the server less as the run goes on.
        ["/services/{slug} (page, rendered per reader)", eachService, 200, { Cookie: "someone=else" }],
        ["/services/{slug} (page)", eachService],
        ["/services/{slug} (page, rendered per reader, again)", eachService, 200, { Cookie: "someone=else" }],
        // The same twenty pages over and over: what a few popular services get.
        ["/services/{slug} (page, twenty services)", (n) => `/services/${at(company.services, (n % 20) * 97)}`],
      ];
      console.log(["read", "p50", "p95", "p99", "req/s", "errors", "size", "p95 ÷ floor"].join("\t"));
      console.log(row("/api/health (floor)", floor, floorP95));
      console.log(row("search, 1 client", single));
      for (const [label, url, expected, headers] of reads) {
        if (only && !only.test(label)) continue;
        await drive(portal.url, url, clients, 3, expected, headers);
        console.log(row(label, await drive(portal.url, url, clients, seconds, expected, headers), floorP95));
      }
    } finally {
      await portal.stop();
    }
  }
}

const databases = (process.env.BENCH_CATALOGUE_DATABASES ?? "pglite,postgres").split(",");
const dataDir = path.resolve(".data", `bench-catalogue-${process.pid}`);
try {
  if (databases.includes("pglite")) await run("Embedded PGlite", { kind: "pglite", dataDir: path.join(dataDir, "pglite") }, { WAYFINDER_DATA_DIR: dataDir });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${path.join(dataDir, "pglite")}.lock`, { force: true });
}
const base = process.env.BENCH_DATABASE_URL;
if (base && databases.includes("postgres")) {
  const database = await createPostgresDatabase(base);
  try {
    await run(
      "PostgreSQL",
      { kind: "postgres", url: database.url },
      { DATABASE_URL: database.url, NEXTAUTH_SECRET: "a-bench-secret-that-is-at-least-32-characters" },
      [
        ["With back-pressure (scripts/admission.mjs, the default)", {}],
        ...(process.env.BENCH_WITHOUT_BACKPRESSURE === "false"
          ? []
          : ([["Without back-pressure (every request let in at once)", { WAYFINDER_MAX_CONCURRENT_REQUESTS: "1000000" }]] as [
              string,
              Record<string, string>,
            ][])),
      ],
    );
  } finally {
    await database.drop();
  }
} else console.log("\nCatalogue at scale on PostgreSQL: skipped (set BENCH_DATABASE_URL).");
