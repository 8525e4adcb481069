/**
 * From a template to a service, step by step: medians of BENCH_TEMPLATE_RUNS runs (default 20).
 * In process: rendering each service template, adding an endpoint to its contract (a text edit),
 * zipping the project, checking the generated contract with the portal's pipeline and house rules, and
 * creating the service from the template in PGlite (register, publish 0.1.0, audit: one transaction).
 * As a person meets it: `wayfinder new service` (its own process), the generated project's tests
 * (pytest, Debian's FastAPI), and its start under uvicorn to a ready /health/ready. No peer runs offline
 * here (cookiecutter and copier are pip packages, Backstage's scaffolder needs Backstage), so the numbers
 * stand alone. Prints a table; asserts nothing.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

process.env.LOG_LEVEL = "silent";
const { systemActor } = await import("@/lib/auth/actor");
const { openDatabase } = await import("@/lib/platform/db/open-database");
const { lintDocument } = await import("@/lib/lint/lint-document");
const { loadRuleset } = await import("@/lib/lint/lint-ruleset");
const { prepareDocument } = await import("@/lib/openapi/prepare-document");
const { createTeam } = await import("@/lib/teams/create-team");
const { addEndpoint } = await import("@/lib/templates/add-endpoint");
const { createServiceFromTemplate } = await import("@/lib/templates/create-service-from-template");
const { generateService } = await import("@/lib/templates/generate-service");
const { portalTemplates } = await import("@/lib/templates/portal-templates");
const { zipFiles } = await import("@/lib/platform/zip-files");

const runs = Number(process.env.BENCH_TEMPLATE_RUNS ?? 20);
const templates = portalTemplates();

async function median(work: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const rows: [string, string][] = [];
const ruleset = await loadRuleset();
for (const name of ["fastapi-service", "typescript-service"]) {
  const source = templates.get(name)!;
  const project = generateService(source, {});
  rows.push([`${name}: render (${Object.keys(project.files).length} files)`, `${(await median(() => generateService(source, {}))).toFixed(2)} ms`]);
  rows.push([`${name}: zip`, `${(await median(() => zipFiles("p", project.files))).toFixed(2)} ms`]);
  const contract = project.files[project.contract]!;
  rows.push([`${name}: validate and index the contract`, `${(await median(() => prepareDocument(contract))).toFixed(1)} ms`]);
  rows.push([`${name}: house rules on the contract`, `${(await median(() => lintDocument(contract, ruleset))).toFixed(1)} ms`]);
}
const contract = generateService(templates.get("fastapi-service")!, {}).files["openapi.yaml"]!;
rows.push(["fastapi-endpoint: add to openapi.yaml", `${(await median(() => addEndpoint(templates.get("fastapi-endpoint")!, {}, contract))).toFixed(2)} ms`]);

const database = await openDatabase({ kind: "pglite", dataDir: null });
const actor = systemActor("bench");
await createTeam(database.prisma, { actor, input: { slug: "bench", name: "Bench" } });
const create = await median((i) =>
  createServiceFromTemplate(database.prisma, { actor, templateName: "fastapi-service", input: { team: "bench", values: { name: `bench-${i}-api` } } }),
);
rows.push(["create from template in PGlite (register + publish 0.1.0 + audit)", `${create.toFixed(1)} ms`]);
await database.close();

// As a person meets it, once each.
const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-bench-templates-"));
const python = process.env.WAYFINDER_TEST_PYTHON || "/usr/bin/python3";
try {
  const dir = path.join(work, "inventory-api");
  let started = performance.now();
  execFileSync(process.execPath, [path.resolve("bin/wayfinder.mjs"), "new", "service", "--template", "fastapi-service", dir], { stdio: "ignore" });
  rows.push(["wayfinder new service (a process, from start to exit)", `${(performance.now() - started).toFixed(0)} ms`]);
  if (existsSync(python)) {
    started = performance.now();
    const out = execFileSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], { cwd: dir, encoding: "utf8" });
    rows.push([`its tests, pytest (${/\d+ passed/.exec(out)?.[0]})`, `${(performance.now() - started).toFixed(0)} ms`]);
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    started = performance.now();
    const child = spawn(python, ["-m", "uvicorn", "app.main:app", "--port", String(port)], { cwd: dir, stdio: "ignore", detached: true });
    while (
      !(await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      await new Promise((r) => setTimeout(r, 20));
    rows.push(["its start under uvicorn to a ready /health/ready", `${(performance.now() - started).toFixed(0)} ms`]);
    process.kill(-child.pid!, "SIGTERM");
  } else rows.push(["its tests and start", `skipped: no ${python}`]);
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nTemplates: median of ${runs} runs where repeated.`);
for (const [what, value] of rows) console.log(`${what.padEnd(70)} ${value}`);
