/**
 * The diff engine on real documents, each in this process: Stripe's two 4 MB descriptions (2021-12-17 →
 * 2022-03-25), Adyen's Management API v1 → v3, and DigitalOcean's bundled specification against
 * itself; median of 5 runs, the changes found, and the process's peak resident memory. Then the
 * agreement with oasdiff on its 83 labelled pairs (../shared/fixtures/oasdiff-pairs). Prints; asserts nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { comparedMedians, measured } from "./measure-process";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const { collectFiles } = await import("@/cli/collect-files");
const { diffDocuments } = await import("@/lib/diff/diff-documents");
const { defaultIngestLimits } = await import("@/lib/platform/limits/ingest-limits");
const { prepareBundle } = await import("@/lib/openapi/prepare-bundle");
const { parseDocumentText } = await import("@/lib/openapi/parse-document");
const { pipelineTasks } = await import("@/lib/pipeline/pipeline-tasks");

const stripe = (name: string) => JSON.parse(readFileSync(path.join(fixtures, "stripe", name), "utf8")) as Record<string, unknown>;
const digitalocean = JSON.parse(
  (
    await prepareBundle(
      await collectFiles(path.join(fixtures, "digitalocean/specification/DigitalOcean-public.v2.yaml"), defaultIngestLimits),
      defaultIngestLimits,
    )
  ).json,
) as Record<string, unknown>;

const adyen = (name: string) => parseDocumentText(readFileSync(path.join(fixtures, "adyen", name), "utf8"), defaultIngestLimits) as Record<string, unknown>;

const pairs: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ["Stripe 2021-12-17 → 2022-03-25", stripe("spec3.2021-12-17.json"), stripe("spec3.2022-03-25.json")],
  ["Adyen Management v1 → v3", adyen("ManagementService-v1.yaml"), adyen("ManagementService-v3.yaml")],
  ["DigitalOcean → itself", digitalocean, structuredClone(digitalocean)],
];
console.log("\nDiff engine: median of 5 runs (ms), changes by level, this process's peak RSS (MB).\n");
console.log(["pair", "ms", "breaking", "warning", "info", "peak RSS"].join("\t"));
for (const [name, base, revision] of pairs) {
  const times: number[] = [];
  let summary = { breaking: 0, warning: 0, info: 0 };
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    summary = diffDocuments(base, revision).summary;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log([name, times[2]!.toFixed(0), summary.breaking, summary.warning, summary.info, (process.resourceUsage().maxRSS / 1024).toFixed(0)].join("\t"));
}

// Agreement with oasdiff: the verdict (breaking, potentially breaking, none) on each labelled pair.
const pairsDir = path.resolve(fixtures, "../oasdiff-pairs");
const labelled = JSON.parse(readFileSync(path.join(pairsDir, "pairs.json"), "utf8")) as { base: string; revision: string; level: string }[];
let agree = 0;
for (const pair of labelled) {
  const read = (file: string) => readFileSync(path.join(pairsDir, file), "utf8");
  const result = await pipelineTasks.diffTexts({ base: read(pair.base), revision: read(pair.revision), limits: defaultIngestLimits }).catch(() => null);
  const verdict = !result ? "refused" : result.summary.breaking ? "ERR" : result.summary.warning ? "WARN" : "none";
  if (verdict === pair.level) agree += 1;
}
console.log(
  `\nAgreement with oasdiff's verdicts on its labelled pairs: ${agree}/${labelled.length} (oasdiff itself: ${labelled.length}/${labelled.length}, by construction).`,
);

// The whole command, as a user times it: `wayfinder diff` on Stripe's pair (the built single-file CLI,
// which also checks each document against its official schema and lists what it finds) beside a Node
// process that only reads and JSON.parses both files; each a fresh process, wall time (median of
// BENCH_CLI_RUNS, interleaved) and peak RSS.
const cli = path.resolve("public/cli/wayfinder.mjs");
if (!existsSync(cli)) console.log("\nThe whole command: skipped (needs `npm run build` for public/cli/wayfinder.mjs).");
else {
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 5);
  const [base, revision] = ["spec3.2021-12-17.json", "spec3.2022-03-25.json"].map((name) => path.join(fixtures, "stripe", name)) as [string, string];
  const parseBoth = `const { readFileSync } = require("node:fs"); for (const file of process.argv.slice(1)) JSON.parse(readFileSync(file, "utf8"));`;
  const ours: { ms: number; peakMb: number }[] = [];
  const parsed: { ms: number; peakMb: number }[] = [];
  for (let i = 0; i < runs; i += 1) {
    ours.push(measured(process.execPath, [cli, "diff", base, revision]));
    parsed.push(measured(process.execPath, ["-e", parseBoth, base, revision]));
  }
  console.log(`\nThe whole command on Stripe's pair: wall ms and peak MB, median of ${runs} interleaved runs, each a fresh process.\n`);
  console.log(["wayfinder diff ms", "peak MB", "node JSON.parse both ms", "peak MB", "time ×", "memory ×"].join("\t"));
  console.log(comparedMedians(ours, parsed).join("\t"));
}
