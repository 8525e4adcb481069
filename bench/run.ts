/**
 * `npm run bench`: for Stripe (4 MB), Slack, Twilio's api_v2010 and DigitalOcean (2,900 files), the
 * median time of each ingestion stage and of the whole ingestion into PGlite, beside a plain
 * JSON.parse of the same bytes, with each document's peak memory (its own process). Prints a table;
 * asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const runs = process.env.BENCH_RUNS ?? "5";
const documents = [
  "stripe/spec3.2022-03-25.json",
  "slack/slack_web_openapi_v2.json",
  "twilio/twilio_api_v2010.yaml",
  "digitalocean/specification/DigitalOcean-public.v2.yaml",
];

if (!existsSync(fixtures)) {
  console.log(`No fixtures at ${fixtures}: set WAYFINDER_FIXTURES.`);
  process.exit(0);
}
console.log(`Ingestion pipeline: median of ${runs} runs, milliseconds. Heap: largest growth during the stage (MB). Peak: the document's process (MB).\n`);
const stages = ["JSON.parse", "parse", "parse+bundle", "inspect", "detect", "validate", "hash", "index", "whole ingestion"];
console.log(["document", "files", "MB", "ops", ...stages, "peak RSS"].join("\t"));
for (const document of documents) {
  const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.resolve("bench/ingest-one.ts"), path.join(fixtures, document), runs], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as {
    document: string;
    files: number;
    megabytes: number;
    operations: number;
    medianMs: Record<string, number>;
    heapGrowthMb: Record<string, number>;
    peakRssMb: number;
  };
  const cell = (name: string) =>
    name in result.medianMs ? `${result.medianMs[name]!.toFixed(1)} (${Math.max(0, result.heapGrowthMb[name] ?? 0).toFixed(0)})` : "–";
  console.log([result.document, result.files, result.megabytes.toFixed(2), result.operations, ...stages.map(cell), result.peakRssMb.toFixed(0)].join("\t"));
}

// URL sources: how many one worker keeps fresh (its own process, so its numbers are its own).
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/source-refresh.ts")], { stdio: "inherit", env: process.env });

// Whether a large document holds up the main thread, with and without the worker threads.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/main-thread.ts")], { stdio: "inherit", env: process.env });

// Concurrent publishes under read load over HTTP (PostgreSQL only: BENCH_DATABASE_URL).
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/publish-load.ts")], { stdio: "inherit", env: process.env });

// Try it out: the proxy's added latency, and the mock on Stripe.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/try-it-out.ts")], { stdio: "inherit", env: process.env });

// Conformance: verify's throughput against a local server, and the traffic checker's rate and memory.
execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.resolve("bench/conformance.ts")], { stdio: "inherit", env: process.env });

// The diff engine on Stripe's pair and DigitalOcean against itself.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/diff.ts")], { stdio: "inherit", env: process.env });

// Consumers: the impact lookup on the Stripe pair with 2,000 consumers, and the consumers API under 50 clients.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/consumers.ts")], { stdio: "inherit", env: process.env });

// The catalogue at 2,000 services and 100,000 operations under 50 clients (PGlite; PostgreSQL with BENCH_DATABASE_URL).
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/catalogue-load.ts")], { stdio: "inherit", env: process.env });

// A second start with nothing to migrate, and the idle server's memory (PGlite; PostgreSQL with BENCH_DATABASE_URL).
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/start-up.ts")], { stdio: "inherit", env: process.env });

// The API reference in Chromium beside plain swagger-ui: demo, Slack, Twilio, DigitalOcean, Stripe.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/docs-browser.ts")], { stdio: "inherit", env: process.env });

// Event APIs: publishing the largest AsyncAPI example and a generated one, and their service pages.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/event-docs.ts")], { stdio: "inherit", env: process.env });

// Lint: the house ruleset on every fixture document, beside redocly lint with the same built-in rules.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/lint.ts")], { stdio: "inherit", env: process.env });

// Webhook deliveries per second, through the job queue and directly (PostgreSQL too with BENCH_DATABASE_URL).
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/webhooks.ts")], { stdio: "inherit", env: process.env });

// From a template to a tested, running service.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/templates.ts")], { stdio: "inherit", env: process.env });

// Typed clients of the largest documents, beside openapi-typescript alone, and how long they take to check.
execFileSync(process.execPath, ["--import", "tsx", path.resolve("bench/clients.ts")], { stdio: "inherit", env: process.env });
