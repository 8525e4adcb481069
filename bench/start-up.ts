/**
 * Start-up and rest, over the production build: a second start of the embedded database (nothing to
 * migrate, the demo already loaded and linted) timed from spawn to a healthy /api/health, with the server's own
 * `db.ready` figure; then the resident memory of the idle server (its process and children) after
 * BENCH_IDLE_SECONDS (20). On PostgreSQL too when BENCH_DATABASE_URL is set. Medians of BENCH_STARTS
 * (3). Asserts nothing.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPortal } from "../test/support/portal-server";
import { createPostgresDatabase } from "../test/support/test-databases";

const starts = Number(process.env.BENCH_STARTS ?? 3);
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 20);

if (!existsSync(path.resolve(".next/BUILD_ID"))) {
  console.log("\nStart-up: skipped (run `npm run build` first).");
  process.exit(0);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const dbReadyMs = (output: string) => Number(/"event":"db\.ready"[^\n]*"ms":(\d+)/.exec(output)?.[1] ?? NaN);

/**
 * Waits until the server has logged nothing for 5 s (at most 2 min): the first start's background work
 * (linting the demo's versions, each in a thread) is done, so the measured starts find nothing to do.
 */
async function settled(server: { output(): string }) {
  for (let quiet = 0, waited = 0, seen = -1; quiet < 5000 && waited < 120_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const length = server.output().length;
    quiet = length === seen ? quiet + 500 : 0;
    seen = length;
  }
}

async function measure(name: string, env: Record<string, string>) {
  // The first start migrates, loads the demo and lints it; the ones measured find everything in place.
  const first = await startPortal(env);
  await settled(first);
  await first.stop();
  const total: number[] = [];
  const ready: number[] = [];
  let idle = NaN;
  for (let run = 0; run < starts; run++) {
    const started = performance.now();
    const server = await startPortal(env);
    total.push(performance.now() - started);
    ready.push(dbReadyMs(server.output()));
    if (run === starts - 1) {
      await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
      idle = server.residentMemoryMb();
    }
    await server.stop();
  }
  console.log([name, median(total).toFixed(0), median(ready).toFixed(0), idle.toFixed(0)].join("\t"));
}

console.log(`\nStart-up with nothing to migrate (median of ${starts}, ms) and idle resident memory after ${idleSeconds} s (MB):`);
console.log(["database", "spawn → healthy", "db.ready", "idle RSS"].join("\t"));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-bench-start-"));
try {
  if (process.env.BENCH_START_ONLY !== "postgres") await measure("embedded (PGlite)", { WAYFINDER_DATA_DIR: dataDir });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (process.env.BENCH_DATABASE_URL) {
  const database = await createPostgresDatabase(process.env.BENCH_DATABASE_URL);
  try {
    await measure("PostgreSQL", { DATABASE_URL: database.url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123" });
  } finally {
    await database.drop();
  }
}
