// Builds the portal's worker-thread entries into .next/workers/, so that a production server runs
// JavaScript built with the app and needs neither tsx nor the TypeScript sources at run time
// (lib/platform/workers/worker-script.ts picks these files when NODE_ENV=production). Our own code
// is bundled; packages stay imports, resolved from node_modules as the app's are. Run by
// `npm run build`, after `next build` (which empties .next first).
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const workers = { "pipeline-worker": "lib/pipeline/pipeline-worker.ts", "lint-worker": "lib/lint/lint-worker.ts" };

await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(workers).map(([name, source]) => [name, path.join(root, source)])),
  outdir: path.join(root, ".next/workers"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
});
console.log(
  `Built the worker threads: ${Object.keys(workers)
    .map((name) => `.next/workers/${name}.mjs`)
    .join(", ")}.`,
);
