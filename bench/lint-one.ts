/**
 * One document with one ruleset, in a fresh process (as each portal lint runs in a fresh worker thread,
 * and as a CLI run is): bench/lint.ts runs it under /usr/bin/time for its peak memory. Prints the lint's
 * time (ms, after start-up and reading the ruleset) and its finding count as JSON.
 */
import { readFileSync } from "node:fs";
import { lintDocument } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";

const [file, rulesetFile] = process.argv.slice(2) as [string, string];
const ruleset = await loadRuleset(readFileSync(rulesetFile, "utf8"));
const started = performance.now();
const result = await lintDocument(readFileSync(file, "utf8"), ruleset);
console.log(JSON.stringify({ ms: performance.now() - started, findings: result.errorCount + result.warnCount }));
