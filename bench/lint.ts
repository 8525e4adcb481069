/**
 * Lint: for each shared fixture document, Wayfinder's lint (the house ruleset, and the built-in rules
 * alone) beside `redocly lint` (Redocly CLI, the tool a user would pick) given the same built-in rules,
 * each document in its own processes. Time is the lint itself (Redocly CLI's own "validated in");
 * peak memory is each process's maximum resident set (/usr/bin/time). DigitalOcean is bundled first
 * into one file, so both read the same bytes. Prints a table; asserts nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { collectFiles } from "@/cli/collect-files";
import { RULESET_PATH } from "@/lib/lint/ruleset-text";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { fixturesDir, singleFileFixtures } from "../test/support/fixtures";
import { comparedMedians, measured } from "./measure-process";

const fixtures = fixturesDir;
const redocly = path.resolve("node_modules/@redocly/cli/bin/cli.js");

if (!existsSync(fixtures)) {
  console.log(`No fixtures at ${fixtures}: set WAYFINDER_FIXTURES.`);
  process.exit(0);
}

const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-lint-bench-"));
const fullRuleset = path.resolve(RULESET_PATH);
// The built-in rules of the house ruleset, for both tools: Redocly CLI cannot load our TypeScript plugin.
const builtInRuleset = path.join(work, "redocly.yaml");
writeFileSync(
  builtInRuleset,
  readFileSync(fullRuleset, "utf8")
    .split("\n")
    .filter((line) => !/^\s+house\//.test(line))
    .join("\n"),
);
const bundle = await collectFiles(
  path.join(fixtures, "digitalocean/specification/DigitalOcean-public.v2.yaml"),
  defaultIngestLimits,
  path.join(fixtures, "digitalocean"),
);
const digitalocean = path.join(work, "digitalocean-bundled.json");
writeFileSync(digitalocean, (await prepareBundle(bundle, defaultIngestLimits)).json);

console.log("\nLint: each document in its own processes. ms = the lint itself; MB = the process's peak RSS.");
console.log("Wayfinder (house ruleset) · Wayfinder (built-in rules only) · redocly lint 2.77 (the same built-in rules)\n");
console.log(["document", "MB", "house ms", "findings", "peak MB", "built-in ms", "findings", "peak MB", "redocly ms", "peak MB"].join("\t"));
const redoclyEnv = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
/** Our lint of one file with one ruleset, in its own process. */
function ours(file: string, ruleset: string): { ms: number; findings: number; peakMb: number } | null {
  const run = measured(process.execPath, ["--import", "tsx", path.resolve("bench/lint-one.ts"), file, ruleset]);
  const line = run.output.split("\n").find((candidate) => candidate.startsWith("{"));
  return line ? { ...(JSON.parse(line) as { ms: number; findings: number }), peakMb: run.peakMb } : null;
}

for (const file of [...singleFileFixtures().map((relative) => path.join(fixtures, relative)), digitalocean]) {
  const name = file === digitalocean ? "digitalocean (bundled)" : path.relative(fixtures, file);
  const house = ours(file, fullRuleset);
  const builtIn = ours(file, builtInRuleset);
  if (!house || !builtIn) {
    console.log(`${name}\tfailed`);
    continue;
  }
  const theirs = measured(process.execPath, [redocly, "lint", file, "--config", builtInRuleset, "--format", "summary"], redoclyEnv);
  const theirMs = /validated in (\d+)ms/.exec(theirs.output)?.[1] ?? "–";
  const megabytes = (readFileSync(file).length / 1e6).toFixed(2);
  console.log(
    [
      name,
      megabytes,
      house.ms.toFixed(0),
      house.findings,
      house.peakMb.toFixed(0),
      builtIn.ms.toFixed(0),
      builtIn.findings,
      builtIn.peakMb.toFixed(0),
      theirMs,
      theirs.peakMb.toFixed(0),
    ].join("\t"),
  );
}

// The whole command, as a user times it: `wayfinder lint` (the built single-file CLI, which also
// validates the document against the official schema first) beside `redocly lint`, the same built-in
// rules, each a fresh process; wall time (median of BENCH_CLI_RUNS, interleaved) and peak RSS.
const cli = path.resolve("public/cli/wayfinder.mjs");
if (!existsSync(cli)) console.log("\nThe whole command: skipped (needs `npm run build` for public/cli/wayfinder.mjs).");
else {
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 5);
  console.log(`\nThe whole command: wall ms and peak MB, median of ${runs} interleaved runs (built-in rules for both).\n`);
  console.log(["document", "wayfinder lint ms", "peak MB", "redocly lint ms", "peak MB", "time ×", "memory ×"].join("\t"));
  const subjects: [string, string][] = [
    ["Stripe 2022-03-25", path.join(fixtures, "stripe/spec3.2022-03-25.json")],
    ["DigitalOcean (multi-file)", path.join(fixtures, "digitalocean/specification/DigitalOcean-public.v2.yaml")],
  ];
  for (const [name, file] of subjects) {
    const mine: { ms: number; peakMb: number }[] = [];
    const theirs: { ms: number; peakMb: number }[] = [];
    for (let i = 0; i < runs; i += 1) {
      mine.push(measured(process.execPath, [cli, "lint", file, "--ruleset", builtInRuleset]));
      theirs.push(measured(process.execPath, [redocly, "lint", file, "--config", builtInRuleset, "--format", "summary"], redoclyEnv));
    }
    console.log([name, ...comparedMedians(mine, theirs)].join("\t"));
  }
}
