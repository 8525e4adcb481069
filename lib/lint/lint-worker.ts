/**
 * A lint worker thread's entry (started by lint-isolated.ts; built to .next/workers/lint-worker.mjs for production): lints one document with the
 * repository's ruleset and answers with the result. One document per thread, so the thread's memory
 * limit and the caller's timeout bound that document alone.
 */
import { parentPort, workerData } from "node:worker_threads";
import { lintDocument } from "./lint-document";
import { loadRuleset } from "./lint-ruleset";

const { text, rulesetText } = workerData as { text: string; rulesetText?: string };
loadRuleset(rulesetText)
  .then((ruleset) => lintDocument(text, ruleset))
  .then((result) => parentPort!.postMessage({ result }))
  .catch((error: Error) => parentPort!.postMessage({ error: error.message ?? String(error) }));
