/**
 * Typed clients (lib/clients): generated for the demo's documents and every shared fixture, the
 * TypeScript ones compile with `tsc --strict` (examples included) and the Python ones pass
 * `mypy --strict` and import; then, against a running portal, the download route, `wayfinder client`,
 * one call through each language's client to the mock, and `wayfinder consumes --from-client`.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClient } from "@/lib/clients/generate-client";
import type { ClientLanguage } from "@/lib/clients/client-manifest";
import { pythonPackage } from "@/lib/clients/generate-python-client";
import { startPortal, type PortalServer } from "../support/portal-server";
import { runWayfinder } from "../support/run-wayfinder";
import { signInLocally } from "../support/sign-in";
import { storedDocuments } from "../support/stored-documents";
import { migratedDataDir } from "../support/test-databases";

const run = promisify(execFile);
const root = path.resolve(".");
const tsc = path.join(root, "node_modules/.bin/tsc");
const tsx = path.join(root, "node_modules/.bin/tsx");
// Debian's Python, with Debian's mypy (.ci/run installs it).
const python = "/usr/bin/python3";

/** Runs a command; its exit code and output together (a failing check's output is the assertion's message). */
async function sh(file: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 50_000_000, timeout: 600_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, out: `${failure.stdout}${failure.stderr}` };
  }
}

function writeFiles(dir: string, files: Record<string, string | Uint8Array>) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "bundler", strict: true, noEmit: true, skipLibCheck: true, lib: ["ES2022", "DOM"] },
};

/**
 * A document that names everything the way generated code could trip on: Python keywords and builtins,
 * the generator's own names, names equal after cleaning, quotes, backslashes and comment ends in every
 * string, recursive schemas and a cycle of aliases. Built here, never committed.
 */
function awkwardDocument(): Record<string, unknown> {
  const nasty = 'say "hi" \\ */ """ \u2028 end';
  const names = ["str", "None", "class", "Any", "list", "Client", "ApiError", "Literal", "self", "1st", "a-b", "a_b", "Ünïcode", "_private", "from", "type"];
  const properties = Object.fromEntries(names.map((name) => [name, { type: "string", description: nasty }]));
  const schemas: Record<string, unknown> = Object.fromEntries(
    names.map((name) => [name, { type: "object", description: nasty, properties, required: ["self", "from"] }]),
  );
  Object.assign(schemas, {
    Tree: {
      type: "object",
      properties: { children: { type: "array", items: { $ref: "#/components/schemas/Tree" } }, parent: { $ref: "#/components/schemas/Tree" } },
    },
    Loop: { oneOf: [{ $ref: "#/components/schemas/Pool" }, { type: "string" }] },
    Pool: { type: "array", items: { $ref: "#/components/schemas/Loop" } },
    Quoted: { type: "string", enum: [nasty, "plain", "it's"] },
    Nullable: { type: ["string", "null"] },
    Mixed: { allOf: [{ $ref: "#/components/schemas/Tree" }, { type: "object", properties: { extra: { type: "integer" } }, required: ["extra"] }] },
  });
  const operation = (operationId: string) => ({
    operationId,
    summary: nasty,
    parameters: ["body", "self", "from", "a-b", "a_b"].map((name) => ({ name, in: "query", schema: { type: "string" } })),
    responses: { "200": { description: nasty, content: { "application/json": { schema: { $ref: "#/components/schemas/Mixed" } } } } },
  });
  return {
    openapi: "3.1.0",
    info: { title: nasty, version: "1.0.0" },
    servers: [{ url: `https://example.test/{tenant}/${nasty}`, variables: { tenant: { default: "acme" } } }],
    paths: {
      "/things/{from}": {
        parameters: [{ name: "from", in: "path", required: true, schema: { type: "integer" } }],
        get: operation("get"),
        put: { ...operation("get"), requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/str" } } } } },
        post: { ...operation("call"), requestBody: { content: { "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Loop" } } } } },
      },
      "/transport": { get: operation("transport"), delete: { responses: { "204": { description: "gone" } } } },
    },
    components: { schemas },
  };
}

describe("generated clients of every demo and fixture document", async () => {
  const documents = [...(await storedDocuments()), { name: "generated/awkward-names", document: awkwardDocument() }];
  let work: string;
  const slugs = new Map<string, string>();

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-clients-"));
    for (const { name } of documents)
      slugs.set(
        name,
        `c${slugs.size}-${name
          .replace(/[^a-z0-9]+/gi, "-")
          .toLowerCase()
          .replace(/^-|-$/g, "")
          .slice(0, 40)}`,
      );
  });
  afterAll(() => work && rmSync(work, { recursive: true, force: true }));

  const generateAll = async (language: ClientLanguage) => {
    const dir = path.join(work, language);
    const sizes: { name: string; ms: number; bytes: number }[] = [];
    for (const { name, document } of documents) {
      const started = performance.now();
      const files = await generateClient(
        document,
        { portal: "http://portal.test", service: slugs.get(name)!, version: "1.0.0", revision: 1, contentHash: "h" },
        language,
      );
      sizes.push({ name, ms: Math.round(performance.now() - started), bytes: Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0) });
      writeFiles(path.join(dir, slugs.get(name)!), files);
    }
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`${language} clients: ${sizes.length} documents; largest ${largest.name}: ${largest.bytes} bytes in ${largest.ms} ms`);
    return dir;
  };

  it("TypeScript: every client and its README's call compile with tsc --strict", async () => {
    const dir = await generateAll("typescript");
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, include: ["*/src/*.ts", "*/example.ts"] }));
    const examples = documents.filter(({ name }) => readFileSync(path.join(dir, slugs.get(name)!, "example.ts"), "utf8").includes("await client."));
    console.log(`TypeScript examples with a call: ${examples.length} of ${documents.length}`);
    expect(examples.length).toBeGreaterThan(documents.length * 0.8);
    const checked = await sh(tsc, ["-p", ".", "--listFiles"], dir);
    const compiled = checked.out.split("\n").filter((line) => line.startsWith(dir) && !line.includes("node_modules"));
    expect(
      checked.out
        .split("\n")
        .filter((line) => line.includes("error TS"))
        .slice(0, 20),
    ).toEqual([]);
    expect(checked.code).toBe(0);
    expect(compiled).toHaveLength(documents.length * 3);
  }, 600_000);

  it("TypeScript: a type error in a call is caught (the check above can fail)", async () => {
    const dir = path.join(work, "typescript");
    const petstore = documents.find(({ name }) => name === "demo/payments-api.v1.1.0.yaml")!;
    const example = path.join(dir, slugs.get(petstore.name)!, "wrong.ts");
    writeFileSync(
      example,
      `import { createC${slugs
        .get(petstore.name)!
        .replace(/^c\d+-/, "")
        .split("-")
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join("")
        .replace(/^/, "")}Client } from "./src/index.js";\n`,
    );
    const factory = /export function (create\w+Client)/.exec(readFileSync(path.join(dir, slugs.get(petstore.name)!, "src/index.ts"), "utf8"))![1]!;
    writeFileSync(example, `import { ${factory} } from "./src/index.js";\nawait ${factory}().GET("/payments/{paymentId}", { params: { path: {} } });\n`);
    writeFileSync(path.join(dir, "tsconfig.wrong.json"), JSON.stringify({ ...TSCONFIG, files: [example] }));
    const checked = await sh(tsc, ["-p", "tsconfig.wrong.json"], dir);
    expect(checked.code).not.toBe(0);
    expect(checked.out).toMatch(/paymentId/);
  }, 120_000);

  it("Python: every client passes mypy --strict and imports", async () => {
    const mypy = await sh(python, ["-m", "mypy", "--version"], work);
    expect(mypy.code, `${python} lacks mypy: apt-get install mypy (.ci/run does)\n${mypy.out}`).toBe(0);
    const dir = await generateAll("python");
    const packages = documents.map(({ name }) => path.join(slugs.get(name)!, pythonPackage(slugs.get(name)!)));
    const checked = await sh(python, ["-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", ...packages], dir);
    expect(
      checked.out
        .split("\n")
        .filter((line) => line.includes("error:"))
        .slice(0, 20),
    ).toEqual([]);
    expect(checked.out).toMatch(new RegExp(`Success: no issues found in ${packages.length * 4} source files`));
    const imported = await sh(
      python,
      [
        "-c",
        `import importlib, sys\nfor entry in sys.argv[1:]:\n    folder, name = entry.split("/")\n    sys.path.insert(0, folder)\n    importlib.import_module(name).Client()\nprint("imported", len(sys.argv) - 1)`,
        ...packages,
      ],
      dir,
    );
    expect(imported.out.trim()).toBe(`imported ${packages.length}`);
  }, 900_000);
});

describe("clients from a running portal", () => {
  let server: PortalServer;
  let dataDir: string;
  let work: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-client-portal-");
    work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-client-out-"));
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@clients.test", WAYFINDER_DEMO: "true" });
    const session = await signInLocally(server.url, { name: "Admin", email: "admin@clients.test" });
    const answer = await fetch(`${server.url}/api/v1/teams/payments/tokens`, {
      method: "POST",
      headers: { ...session, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "chargeback ci", service: "chargeback-desk" }),
    });
    token = ((await answer.json()) as { token: string }).token;
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    for (const dir of [dataDir, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("serves a zip with the client, its README and its manifest; refuses an unknown language or version", async () => {
    const response = await fetch(`${server.url}/api/v1/services/payments-api/versions/1.1.0/client?lang=typescript`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="payments-api-client.zip"');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(
      ["README.md", "example.ts", "package.json", "src/index.ts", "src/schema.ts", "tsconfig.json", "wayfinder-client.json"].map(
        (file) => `payments-api-client/${file}`,
      ),
    );
    const manifest = JSON.parse(new TextDecoder().decode(files["payments-api-client/wayfinder-client.json"])) as {
      source: { service: string; version: string; revision: number };
      operations: { method: string; path: string; operationId: string }[];
    };
    expect(manifest.source).toMatchObject({ service: "payments-api", version: "1.1.0", revision: 1 });
    expect(manifest.operations).toContainEqual({ method: "GET", path: "/payments/{paymentId}", operationId: "getPayment" });
    expect(new TextDecoder().decode(files["payments-api-client/README.md"])).toContain('await client.GET("/payments"');

    const cobol = await fetch(`${server.url}/api/v1/services/payments-api/versions/1.1.0/client?lang=cobol`);
    expect(cobol.status).toBe(400);
    expect(((await cobol.json()) as { error: { message: string } }).error.message).toMatch(/lang/);
    expect((await fetch(`${server.url}/api/v1/services/payments-api/versions/9.9.9/client?lang=python`)).status).toBe(404);
  });

  it("`wayfinder client` writes a TypeScript client whose call reaches the mock", async () => {
    const out = path.join(work, "ts");
    const written = await runWayfinder(["client", "payments-api", "--lang", "typescript", "--out", out], { WAYFINDER_URL: server.url });
    expect(written.code, written.err).toBe(0);
    expect(written.out).toContain("wrote a typescript client of payments-api 1.1.0 (revision 1)");
    symlinkSync(path.join(root, "node_modules"), path.join(out, "node_modules"));
    expect(await sh(tsc, ["-p", "."], out)).toEqual({ code: 0, out: "" });
    writeFileSync(
      path.join(out, "call.ts"),
      `import { createPaymentsApiClient } from "./src/index.js";
// The mock wants the mocked API's credential, any value.
const client = createPaymentsApiClient({ baseUrl: ${JSON.stringify(`${server.url}/mock/payments-api/1.1.0`)}, headers: { Authorization: "Bearer anything" } });
const { data, error, response } = await client.GET("/payments/{paymentId}", { params: { path: { paymentId: "pay_123" } } });
console.log(JSON.stringify({ status: response.status, id: data?.id, error }));
`,
    );
    const called = await sh(tsx, ["call.ts"], out);
    expect(called.code, called.out).toBe(0);
    const answer = JSON.parse(called.out.trim().split("\n").at(-1)!) as { status: number; id: unknown; error: unknown };
    expect(answer.status).toBe(200);
    expect(typeof answer.id).toBe("string");
    expect(answer.error).toBeUndefined();
  }, 180_000);

  it("`wayfinder client --lang python` writes a client that type-checks and calls the mock into dataclasses", async () => {
    const out = path.join(work, "py");
    const written = await runWayfinder(["client", "payments-api@1.0.0", "--lang", "python", "--out", out], { WAYFINDER_URL: server.url });
    expect(written.code, written.err).toBe(0);
    const checked = await sh(python, ["-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", "payments_api_client"], out);
    expect(checked.out).toContain("Success");
    const called = await sh(
      python,
      [
        "-c",
        `import dataclasses\nfrom payments_api_client import Client, models\nclient = Client(base_url=${JSON.stringify(`${server.url}/mock/payments-api/1.0.0`)}, headers={"Authorization": "Bearer anything"})\npayment = client.get_payment("pay_123")\nprint(type(payment).__name__, dataclasses.is_dataclass(payment), isinstance(payment.id, str))`,
      ],
      out,
    );
    expect(called.out.trim()).toBe("Payment True True");
  }, 180_000);

  it("`wayfinder consumes --from-client` declares the operations the client was generated for", async () => {
    const out = path.join(work, "ts");
    const declared = await runWayfinder(["consumes", "--from-client", out, "--service", "chargeback-desk"], {
      WAYFINDER_URL: server.url,
      WAYFINDER_TOKEN: token,
    });
    expect(declared.code, declared.err).toBe(0);
    const operations = (JSON.parse(readFileSync(path.join(out, "wayfinder-client.json"), "utf8")) as { operations: unknown[] }).operations.length;
    expect(declared.out).toContain(`chargeback-desk consumes payments-api@^1.1.0 (${operations} operations)`);
    const missing = await runWayfinder(["consumes", "--from-client", path.join(work, "nowhere"), "--service", "chargeback-desk"], {
      WAYFINDER_URL: server.url,
      WAYFINDER_TOKEN: token,
    });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read the client");
  }, 120_000);
});
