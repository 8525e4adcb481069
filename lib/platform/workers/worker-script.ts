import { existsSync } from "node:fs";
import path from "node:path";

/** A worker thread's entry: its TypeScript source, and the name of the JavaScript `npm run build` makes of it. */
export interface WorkerScript {
  /** From the repository's root, e.g. `lib/pipeline/pipeline-worker.ts`. */
  source: string;
  /** In `.next/workers/` (scripts/build-workers.mjs), e.g. `pipeline-worker.mjs`. */
  built: string;
}

/** Where `npm run build` puts the worker threads' JavaScript: beside the app it ships with. */
export const BUILT_WORKERS_DIR = ".next/workers";

/**
 * The file a worker thread runs and the flags it needs. A production server runs the JavaScript built
 * with the app, so it needs neither tsx nor the TypeScript sources; tests and `next dev` run the source
 * through tsx, so a worker is never older than the code that calls it.
 */
export function workerEntry(script: WorkerScript): { file: string; execArgv: string[] } {
  const built = path.join(/* turbopackIgnore: true */ process.cwd(), BUILT_WORKERS_DIR, script.built);
  if (process.env.NODE_ENV === "production") {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\`, which builds the worker threads with the app.`);
    return { file: built, execArgv: [] };
  }
  return { file: path.join(/* turbopackIgnore: true */ process.cwd(), script.source), execArgv: ["--import", "tsx"] };
}
