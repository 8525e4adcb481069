/**
 * Typed clients: for the largest documents (Stripe, DigitalOcean, OpenAI, Twilio's api_v2010), the
 * median time and size of Wayfinder's generation in each language, beside the peer a user would run
 * for TypeScript, openapi-typescript alone (the types only, from the same prepared document, in the
 * same process), and the time the generated client takes to check (`tsc --strict` / `mypy --strict`,
 * one run each). No Python generator installs here (openapi-python-client is a pip package), so the
 * Python figures stand alone. Prints a table; asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.LOG_LEVEL = "silent";
const { default: openapiTS, astToString } = await import("openapi-typescript");
const { generateClient } = await import("@/lib/clients/generate-client");
const { localRefsOnly } = await import("@/lib/clients/local-refs-only");
const { pythonPackage } = await import("@/lib/clients/generate-python-client");
const { prepareDocument } = await import("@/lib/openapi/prepare-document");
const { prepareBundle } = await import("@/lib/openapi/prepare-bundle");
const { collectFiles } = await import("@/cli/collect-files");
const { defaultIngestLimits } = await import("@/lib/platform/limits/ingest-limits");

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const runs = Number(process.env.BENCH_CLIENT_RUNS ?? 3);
if (!existsSync(fixtures)) {
  console.log(`No fixtures at ${fixtures}: set WAYFINDER_FIXTURES.`);
  process.exit(0);
}

async function stored(file: string): Promise<Record<string, unknown>> {
  if (file.startsWith("digitalocean/")) {
    const root = path.join(fixtures, file);
    return JSON.parse((await prepareBundle(await collectFiles(root, defaultIngestLimits, path.join(fixtures, "digitalocean")), defaultIngestLimits)).json);
  }
  return JSON.parse((await prepareDocument(readFileSync(path.join(fixtures, file), "utf8"))).json);
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const timed = (command: string, args: string[], cwd: string) => {
  const started = performance.now();
  try {
    execFileSync(command, args, { cwd, stdio: "pipe", maxBuffer: 1 << 26 });
    return `${((performance.now() - started) / 1000).toFixed(1)} s`;
  } catch {
    return "failed";
  }
};

const source = { portal: "http://portal.test", service: "bench", version: "1.0.0", revision: 1, contentHash: "h" };
console.log(`\nTyped clients: median of ${runs} generations (ms) and size (KB); the check is one run of tsc --strict / mypy --strict.\n`);
console.log(["document", "ops", "openapi-typescript alone", "Wayfinder TypeScript", "KB", "tsc", "Wayfinder Python", "KB", "mypy"].join("\t"));
const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-bench-clients-"));
symlinkSync(path.resolve("node_modules"), path.join(work, "node_modules"));
try {
  for (const file of [
    "stripe/spec3.2022-03-25.json",
    "digitalocean/specification/DigitalOcean-public.v2.yaml",
    "openai/openapi.yaml",
    "twilio/twilio_api_v2010.yaml",
  ]) {
    const document = await stored(file);
    const operations = Object.values((document.paths ?? {}) as Record<string, Record<string, unknown>>).reduce(
      (sum, item) => sum + Object.keys(item).filter((key) => ["get", "put", "post", "delete", "patch", "head", "options", "trace"].includes(key)).length,
      0,
    );
    const peer = await median(async () => astToString(await openapiTS(localRefsOnly(document) as never, { silent: true })));
    const cells: string[] = [];
    for (const language of ["typescript", "python"] as const) {
      let files: Record<string, string> = {};
      const ms = await median(async () => (files = await generateClient(document, source, language)));
      const dir = path.join(work, language);
      rmSync(dir, { recursive: true, force: true });
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      if (language === "typescript") symlinkSync(path.join(work, "node_modules"), path.join(dir, "node_modules"));
      const check =
        language === "typescript"
          ? timed(path.resolve("node_modules/.bin/tsc"), ["-p", "."], dir)
          : timed("/usr/bin/python3", ["-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", pythonPackage(source.service)], dir);
      const kb = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1024;
      cells.push(ms.toFixed(0), kb.toFixed(0), check);
    }
    console.log([file.split("/")[0], operations, peer.toFixed(0), ...cells].join("\t"));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
