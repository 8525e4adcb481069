/**
 * The templates, tested as the products they are: each generated with its defaults through the real
 * `wayfinder new` command, its contract validated and linted with the house ruleset, and the generated
 * project's own test suite run as its CI would run it: pytest on Debian's FastAPI packages (installed by
 * .ci/run), `npm install && npm test` for the TypeScript one. A broken contract must then fail them.
 */
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintDocument } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";

const run = promisify(execFile);
const bin = path.resolve("bin/wayfinder.mjs");
// Debian's interpreter, which has python3-fastapi and friends (a pyenv or venv python earlier on PATH may not).
const python = process.env.WAYFINDER_TEST_PYTHON || "/usr/bin/python3";

async function sh(command: string, args: string[], cwd: string, timeout = 240_000) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout, maxBuffer: 20 * 1024 * 1024, env: { ...process.env, CI: "true" } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout?: string; stderr?: string; message: string };
    return { code: failure.code ?? 1, out: (failure.stdout ?? "") + (failure.stderr ?? "") || failure.message };
  }
}

const wayfinder = (args: string[], cwd: string) => sh(process.execPath, [bin, ...args], cwd, 60_000);

/** A generated contract validates (through the command) and passes the house rules: no errors, and only the warnings named. */
async function expectValidAndLintClean(file: string, title: string) {
  const valid = await wayfinder(["validate", file], work);
  expect(valid.out).toMatch(new RegExp(`^valid: ${title} 0\\.1\\.0 \\(openapi-3\\.1, 5 operations`));
  await expectHouseLintClean(file);
}

/** Lints a generated contract with the portal's ruleset: no errors, and only the warnings named. */
async function expectHouseLintClean(file: string) {
  const result = await lintDocument(readFileSync(file, "utf8"), await loadRuleset());
  expect(result.errorCount, JSON.stringify(result.findings, null, 1)).toBe(0);
  // Health probes have no client error to declare; every other operation passes every rule.
  expect(result.byRule).toEqual({ "operation-4xx-response": 2 });
  expect(result.findings.map((finding) => finding.operation?.path).sort()).toEqual(["/health/live", "/health/ready"]);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a generated service as its README says (its own process group), waits for readiness over real
 * HTTP, and checks that an anonymous call gets the house 401 problem. Returns how long it took to be ready.
 */
async function runService(command: string, args: string[], cwd: string, port: number, env: Record<string, string> = {}) {
  const started = performance.now();
  const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const base = `http://127.0.0.1:${port}`;
    let ready: Response | null = null;
    for (let i = 0; i < 300 && !ready?.ok; i++) {
      ready = await fetch(`${base}/health/ready`).catch(() => null);
      if (!ready?.ok) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready?.status, output).toBe(200);
    const readyMs = performance.now() - started;
    const anonymous = await fetch(`${base}/items`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await anonymous.json()) as { type: string }).type).toBe("https://errors.tidewater.example/unauthenticated");
    return readyMs;
  } finally {
    process.kill(-child.pid!, "SIGTERM");
  }
}

/** A second endpoint for each project: a paged list under an item. */
const LIST_ENDPOINT = [
  "--set",
  "operationId=listItemEvents",
  "--set",
  "method=get",
  "--set",
  "path=/items/{itemId}/events",
  "--set",
  "list=true",
  "--set",
  "summary=List the events of an item",
];

/** Adds the two endpoints (the template's default POST stub, then the paged list) and lints the result. */
async function addStubAndList(template: string, contract: string) {
  expect((await wayfinder(["new", "endpoint", "--template", template, contract], work)).code).toBe(0);
  const list = await wayfinder(["new", "endpoint", "--template", template, ...LIST_ENDPOINT, contract], work);
  expect(list.code, list.out).toBe(0);
  await expectHouseLintClean(contract);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-templates-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("fastapi-service, generated with its defaults", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(work, "inventory-api");
    const created = await wayfinder(["new", "service", "--template", "fastapi-service", dir], work);
    expect(created.code, created.out).toBe(0);
  });

  it("has a contract that validates and passes the house rules", async () => {
    await expectValidAndLintClean(path.join(dir, "openapi.yaml"), "Inventory API");
  });

  it("passes its own tests (pytest, on Debian's FastAPI and Pydantic), the contract test included", async () => {
    const versions = await sh(python, ["-c", "import fastapi, pydantic, jwt; print(fastapi.__version__, pydantic.VERSION, jwt.__version__)"], dir);
    expect(
      versions.code,
      `${python} lacks FastAPI: apt-get install python3-fastapi python3-pydantic python3-jwt python3-pytest python3-httpx (.ci/run does)\n${versions.out}`,
    ).toBe(0);
    const tests = await sh(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], dir);
    expect(tests.code, tests.out).toBe(0);
    expect(tests.out).toMatch(/\b19 passed\b/);
    console.log(`fastapi-service on FastAPI/Pydantic/PyJWT ${versions.out.trim()}: ${/\d+ passed[^\n]*/.exec(tests.out)?.[0]}`);
  });

  it("takes new endpoints (a stub and a paged list) that keep the contract test green and the lint clean", async () => {
    const contract = path.join(dir, "openapi.yaml");
    const before = readFileSync(contract, "utf8");
    await addStubAndList("fastapi-endpoint", contract);
    // Every line of the document (its comments first) is still there.
    const after = readFileSync(contract, "utf8");
    for (const line of before.split("\n")) expect(after).toContain(line);
    const tests = await sh(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], dir);
    expect(tests.code, tests.out).toBe(0);
    expect(tests.out).toMatch(/\b23 passed\b/);
  });

  it("runs: uvicorn serves it, ready, and refuses an anonymous call with the house problem", async () => {
    const port = await freePort();
    const ms = await runService(python, ["-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", String(port)], dir, port);
    console.log(`fastapi-service ready over HTTP in ${ms.toFixed(0)} ms`);
  });

  it("refuses to add an endpoint twice, leaving the document as it was", async () => {
    const contract = path.join(dir, "openapi.yaml");
    const before = readFileSync(contract, "utf8");
    const again = await wayfinder(["new", "endpoint", "--template", "fastapi-endpoint", contract], work);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/already has an operation "archiveItem"|exists already/);
    expect(readFileSync(contract, "utf8")).toBe(before);
  });

  it("fails its contract test when the document and the app disagree", async () => {
    const contract = path.join(dir, "openapi.yaml");
    const good = readFileSync(contract, "utf8");
    try {
      writeFileSync(contract, good.replace("operationId: getItem\n", "operationId: fetchItem\n"));
      const tests = await sh(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_contract.py"], dir);
      expect(tests.code).not.toBe(0);
      expect(tests.out).toMatch(/GET \/items\/\{itemId\}.*differs/);
    } finally {
      writeFileSync(contract, good);
    }
  });
});

describe("typescript-service, generated with its defaults", () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(work, "stock-api");
    const created = await wayfinder(["new", "service", "--template", "typescript-service", dir], work);
    expect(created.code, created.out).toBe(0);
  });

  it("has a contract that validates and passes the house rules", async () => {
    await expectValidAndLintClean(path.join(dir, "openapi.yaml"), "Stock API");
  });

  it("installs with npm and passes its own tests (type check, then node:test), the contract test included", { timeout: 420_000 }, async () => {
    const install = await sh("npm", ["install", "--no-audit", "--no-fund"], dir, 300_000);
    expect(install.code, install.out).toBe(0);
    const tests = await sh("npm", ["test"], dir);
    expect(tests.code, tests.out).toBe(0);
    // node:test's summary: "# pass 19" (TAP, Node 20) or "ℹ pass 19" (spec, Node 22 and later).
    expect(tests.out).toMatch(/^(#|ℹ) pass 19$/m);
    expect(tests.out).toMatch(/^(#|ℹ) fail 0$/m);

    // New endpoints (a stub and a paged list) keep the contract test green and the lint clean.
    const contract = path.join(dir, "openapi.yaml");
    await addStubAndList("typescript-endpoint", contract);
    const withEndpoints = await sh("npm", ["test"], dir);
    expect(withEndpoints.code, withEndpoints.out).toBe(0);
    expect(withEndpoints.out).toMatch(/^(#|ℹ) pass 23$/m);

    // It runs as its README says (npm start), ready over HTTP.
    const port = await freePort();
    const ms = await runService("npm", ["start"], dir, port, { PORT: String(port), LOG_LEVEL: "warn" });
    console.log(`typescript-service: npm install + npm test passed; ready over HTTP in ${ms.toFixed(0)} ms`);

    // The same contract test fails when the two disagree.
    const good = readFileSync(contract, "utf8");
    writeFileSync(contract, good.replace("operationId: getItem\n", "operationId: fetchItem\n"));
    const broken = await sh(process.execPath, ["--import", "tsx", "--test", "test/contract.test.ts"], dir);
    writeFileSync(contract, good);
    expect(broken.code).not.toBe(0);
    expect(broken.out).toMatch(/GET \/items\/\{itemId\} differs/);
  });
});
