import { Worker } from "node:worker_threads";
import { workerEntry } from "@/lib/platform/workers/worker-script";
import type { LintResult } from "./lint-document";

export interface LintLimits {
  timeoutMs: number;
  /** The worker's V8 old-generation heap. */
  memoryMb: number;
}

/** Stripe's 4 MB document lints in about half a second in under 250 MB; these leave room for ten times that. */
export const DEFAULT_LINT_LIMITS: LintLimits = { timeoutMs: 60_000, memoryMb: 768 };

export type IsolatedLint = { ok: true; result: LintResult; ms: number } | { ok: false; error: string; ms: number };

/**
 * Lints a document in a worker thread of its own with a memory ceiling and a deadline: a hostile
 * document (a billion laughs of `$ref`s, a 100 MB file) ends the thread, not the portal. The thread is
 * terminated at the deadline; running out of memory ends it with ERR_WORKER_OUT_OF_MEMORY.
 */
export function lintIsolated(text: string, limits: LintLimits = DEFAULT_LINT_LIMITS, rulesetText?: string): Promise<IsolatedLint> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const entry = workerEntry({ source: "lib/lint/lint-worker.ts", built: "lint-worker.mjs" });
    const worker = new Worker(entry.file, {
      execArgv: entry.execArgv,
      workerData: { text, rulesetText },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (outcome: IsolatedLint) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(outcome);
    };
    const deadline = setTimeout(
      () => settle({ ok: false, error: `Lint stopped after ${limits.timeoutMs / 1000} s (the limit).`, ms: elapsed() }),
      limits.timeoutMs,
    );
    worker.on("message", (message: { result?: LintResult; error?: string }) =>
      settle(message.result ? { ok: true, result: message.result, ms: elapsed() } : { ok: false, error: `Lint failed: ${message.error}`, ms: elapsed() }),
    );
    worker.on("error", (error: Error & { code?: string }) =>
      settle({
        ok: false,
        error: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `Lint ran out of its ${limits.memoryMb} MB (the limit).` : `Lint failed: ${error.message}`,
        ms: elapsed(),
      }),
    );
    worker.on("exit", (code) => settle({ ok: false, error: `Lint stopped (exit code ${code}).`, ms: elapsed() }));
  });
}
