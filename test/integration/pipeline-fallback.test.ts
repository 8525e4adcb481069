/**
 * A production server whose build has no worker threads (`.next/workers/` missing) still ingests: the
 * pool runs tasks on the main thread and logs one warning that names `npm run build`, rather than
 * failing every publish. Run as its own process, from a folder with no build, as a server would be.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(".");
const empty = mkdtempSync(path.join(os.tmpdir(), "wayfinder-no-build-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

it("runs ingestion on the main thread, with one warning, when the built worker threads are missing", async () => {
  const script = path.join(empty, "diff.mts");
  writeFileSync(
    script,
    `const { runPipeline, stopPipeline } = await import(${JSON.stringify(path.join(root, "lib/pipeline/run-pipeline.ts"))});
const doc = (version, paths) => JSON.stringify({ openapi: "3.0.3", info: { title: "a", version }, paths });
const limits = { maxBytes: 10_000_000, maxDepth: 200, maxRefs: 100_000, maxOperations: 10_000, maxExpandedBytes: 100_000_000, maxFiles: 100 };
const result = await runPipeline("diffTexts", { base: doc("1", { "/a": { get: { responses: { "200": { description: "ok" } } } } }), revision: doc("2", {}), limits });
console.log(JSON.stringify({ summary: result.summary }));
await stopPipeline();
`,
  );
  // tsx from this checkout (the empty folder has no node_modules), for the `@/` imports of our code.
  const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
  const { stdout } = await run(process.execPath, ["--import", tsx, script], {
    cwd: empty,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
  });
  const lines = stdout.trim().split("\n");
  expect(JSON.parse(lines.at(-1)!)).toEqual({ summary: { breaking: 1, warning: 0, info: 0 } });
  const warnings = lines.filter((line) => line.includes('"pipeline.threads_unavailable"'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain("npm run build");
});
