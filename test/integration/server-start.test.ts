import { execFile } from "node:child_process";
import { request } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPortal } from "../support/portal-server";
import { signInLocally } from "../support/sign-in";
import { createPostgresDatabase, testDatabaseUrl } from "../support/test-databases";

/**
 * One answer of a page, as the shared-page tests read it: whether it came from a kept render
 * (`X-Wayfinder-Page-Cache`), its CSP nonce and every nonce its HTML carries, and any cookie it sets.
 */
async function pageAnswer(base: string, address: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${address}`, { headers, redirect: "manual" });
  const html = await response.text();
  return {
    status: response.status,
    cache: response.headers.get("x-wayfinder-page-cache"),
    html,
    csp: /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1],
    nonces: new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1])),
    cookie: response.headers.get("set-cookie"),
  };
}

/** A JSON request to the REST API with `session`'s cookie and CSRF header. */
const jsonCall = (base: string, session: Record<string, string>) => (method: string, url: string, body: unknown) =>
  fetch(`${base}${url}`, { method, headers: { ...session, "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("server start", () => {
  it("with WAYFINDER_REQUIRE_SIGNIN=true, sends anonymous readers to sign in and refuses the API, but keeps health open", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-private-"));
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_REQUIRE_SIGNIN: "true" });
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const api = await fetch(`${server.url}/api/v1/services`);
      expect(api.status).toBe(401);
      expect((await api.json()).error.code).toBe("UNAUTHORIZED");
      // Search and the docs' operation slices are reads like any other.
      for (const read of ["/api/v1/search?q=payment", "/api/v1/services/payments-api/versions/1.1.0/operation?method=post&path=/payments"])
        expect((await fetch(`${server.url}${read}`)).status, read).toBe(401);
      for (const page of ["/services", "/services/payments-api", "/teams", "/docs/patterns/pagination", "/search?q=payment", "/create"]) {
        const response = await fetch(`${server.url}${page}`, { redirect: "manual" });
        expect([302, 303, 307], page).toContain(response.status);
        expect(response.headers.get("location"), page).toContain(`/signin?callbackUrl=${encodeURIComponent(page.startsWith("/docs") ? "/docs" : page)}`);
      }
      const session = await signInLocally(server.url, { name: "Reader", email: "reader@private.test" });
      expect((await fetch(`${server.url}/api/v1/services`, { headers: session })).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1/search?q=payment`, { headers: session })).status).toBe(200);
      expect((await fetch(`${server.url}/docs/patterns/pagination`, { headers: session, redirect: "manual" })).status).toBe(200);
      expect((await fetch(`${server.url}/create`, { headers: session, redirect: "manual" })).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("listens on loopback only on the embedded demo unless HOST is set, and says so at start", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-loopback-"));
    // HOST empty counts as unset: the default for the embedded database (passwordless sign-in) applies.
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_DEMO: "false", HOST: "" });
    try {
      expect(server.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(server.output()).toContain("Listening on loopback only (embedded demo database, passwordless sign-in); set HOST=0.0.0.0");
      // Every other address of this machine is refused.
      const port = new URL(server.url).port;
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((entry) => entry && entry.family === "IPv4" && !entry.internal)
        .map((entry) => entry!.address);
      for (const address of others) {
        const reached = await fetch(`http://${address}:${port}/api/health`).then(
          () => true,
          () => false,
        );
        expect(reached, address).toBe(false);
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses to start with an invalid environment, naming the variable", async () => {
    const error = await startPortal({ DATABASE_URL: "mysql://root@localhost/wayfinder" }).then(
      (server) => server.stop().then(() => null),
      (reason: Error) => reason,
    );
    expect(error?.message).toMatch(/The portal exited with 1/);
    expect(error?.message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });

  it("serves with an unreachable database, and health says so with 503", async () => {
    const server = await startPortal(
      { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere", NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters" },
      { waitForHealthy: false },
    );
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: { reachable: false } });
      const api = await fetch(`${server.url}/api/v1/services`);
      expect(api.status).toBe(503);
      expect((await api.json()).error.code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      await server.stop();
    }
  });

  it.runIf(testDatabaseUrl)(
    "with WAYFINDER_MIGRATE_ON_START=false, reports pending migrations until the release step has run them",
    async () => {
      const database = await createPostgresDatabase(testDatabaseUrl!);
      const env = {
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
        WAYFINDER_MIGRATE_ON_START: "false",
        WAYFINDER_DEMO: "true",
      };
      const server = await startPortal(env, { waitForHealthy: false });
      try {
        const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; database: { error?: string } };
        expect(health).toMatchObject({
          status: "unavailable",
          database: { error: expect.stringMatching(/migrations are pending \(.*\); run `npm run db:migrate`/) },
        });
        const api = await fetch(`${server.url}/api/v1/services`);
        expect(api.status).toBe(503);
        // The release step, then the same server recovers without a restart.
        await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { env: { ...process.env, ...env } });
        let status = 0;
        for (let attempt = 0; attempt < 40 && status !== 200; attempt += 1) {
          status = (await fetch(`${server.url}/api/health`)).status;
          if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(status).toBe(200);
      } finally {
        await server.stop();
        await database.drop();
      }
    },
    120_000,
  );
  it("loads no mock, conformance or pipeline engine on the main thread: Prism and faker wait for a request that needs them, the pipeline's for a task run there", async () => {
    // Every CommonJS module the server's main thread loaded (Next.js requires the server's external packages), written as it exits.
    const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-modules-"));
    const tracer = path.join(work, "loaded-modules.cjs");
    const listed = path.join(work, "loaded.json");
    writeFileSync(
      tracer,
      `if (require("node:worker_threads").isMainThread) process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(listed)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    const loaded = async (env: Record<string, string>, requests: (url: string) => Promise<void>) => {
      const server = await startPortal({ WAYFINDER_DATA_DIR: path.join(work, "data"), NODE_OPTIONS: `--require ${tracer}`, ...env });
      try {
        await requests(server.url);
      } finally {
        await server.stop();
      }
      return JSON.parse(readFileSync(listed, "utf8")) as string[];
    };
    const count = (modules: string[], pattern: RegExp) => modules.filter((file) => pattern.test(file)).length;
    const mockEngines = /node_modules\/(@stoplight\/prism-http|@faker-js\/faker)\//;
    // Publishing, diffs, lint and the client generators run in worker threads; their modules there.
    const pipelineEngines = /node_modules\/(typescript|@asyncapi\/parser|@redocly\/openapi-core|openapi-typescript)\//;
    try {
      // A first start publishes the demo (on this thread, once); a second serves pages and the API, but
      // no mock, proxy or conformance, and a diff run in a thread: the engines stay out.
      await loaded({}, async () => undefined);
      const reading = await loaded({}, async (url) => {
        for (const page of [
          "/services",
          "/services/payments-api",
          "/api/v1/services",
          "/search?q=payment",
          "/api/v1/services/payments-api/diff?from=1.0.0&to=1.1.0",
        ])
          expect((await fetch(`${url}${page}`)).status, page).toBe(200);
      });
      expect(reading.some((file) => file.includes("node_modules/next/"))).toBe(true);
      expect(count(reading, mockEngines)).toBe(0);
      expect(count(reading, pipelineEngines)).toBe(0);
      // One mock request loads Prism, and a diff run on this thread the pipeline (so the list above would have shown them).
      const mocking = await loaded({ WAYFINDER_PIPELINE_THREADS: "0" }, async (url) => {
        expect((await fetch(`${url}/mock/payments-api/1.1.0/payments/pay_1`)).status).toBeLessThan(500);
        expect((await fetch(`${url}/api/v1/services/payments-api/diff?from=1.0.0&to=1.1.0`)).status).toBe(200);
      });
      expect(count(mocking, mockEngines)).toBeGreaterThan(0);
      expect(count(mocking, pipelineEngines)).toBeGreaterThan(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 180_000);

  it("answers the catalogue page to readers not signed in from one render per state of the catalogue, each answer with its own nonce, and renders it again on a change", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-shared-page-"));
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_DEMO: "false", WAYFINDER_ADMINS: "admin@shared.test" });
    try {
      const page = (headers: Record<string, string> = {}) => pageAnswer(server.url, "/services", headers);
      const session = await signInLocally(server.url, { name: "Admin", email: "admin@shared.test" });
      const call = jsonCall(server.url, session);
      expect((await call("POST", "/api/v1/teams", { slug: "ledger-team", name: "Ledger team" })).status).toBe(201);
      expect((await call("POST", "/api/v1/services", { slug: "ledger", name: "Ledger API", primaryOwner: "ledger-team" })).status).toBe(201);

      const answers = [await page(), await page(), await page({ Cookie: "wf_csrf=mine" })];
      expect(answers.map((answer) => [answer.status, answer.cache])).toEqual([
        [200, "render"],
        [200, "hit"],
        [200, "hit"],
      ]);
      for (const answer of answers) {
        expect(answer.html).toContain("Ledger API");
        expect(answer.html).not.toContain("Register a service");
        // Next.js's scripts and the theme script all carry the nonce of this answer's own CSP.
        expect([...answer.nonces]).toEqual([answer.csp]);
      }
      expect(new Set(answers.map((answer) => answer.csp)).size).toBe(3);
      expect(answers[1]!.cookie).toMatch(/^wf_csrf=[A-Za-z0-9_-]{43}; Path=\/; SameSite=strict$/);
      expect(answers[2]!.cookie).toBeNull();

      // A change to the catalogue shows at the next request.
      expect((await call("PATCH", "/api/v1/services/ledger", { name: "General Ledger API" })).status).toBe(200);
      const changed = await page();
      expect(changed.cache).toBe("render");
      expect(changed.html).toContain("General Ledger API");

      // A reader signed in gets the page rendered for them.
      const own = await page({ Cookie: session.Cookie });
      expect(own.cache).toBeNull();
      expect(own.html).toContain("Register a service");
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("answers a service's page to readers not signed in from a render kept per write position of the database, and shows any change at the next request", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-shared-service-"));
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_DEMO: "false", WAYFINDER_ADMINS: "admin@shared.test" });
    try {
      const page = (address: string, headers: Record<string, string> = {}) => pageAnswer(server.url, address, headers);
      /** The page until it is answered from a kept render: the job queue's own bookkeeping writes now and then, and a write means a new render. */
      const kept = async (address: string) => {
        const answers = [];
        for (let attempt = 0; attempt < 6 && answers.at(-1)?.cache !== "hit"; attempt++) answers.push(await page(address));
        return answers;
      };
      const session = await signInLocally(server.url, { name: "Admin", email: "admin@shared.test" });
      const call = jsonCall(server.url, session);
      expect((await call("POST", "/api/v1/teams", { slug: "ledger-team", name: "Ledger team" })).status).toBe(201);
      expect((await call("POST", "/api/v1/services", { slug: "ledger", name: "Ledger API", primaryOwner: "ledger-team", description: "Books." })).status).toBe(
        201,
      );

      const answers = await kept("/services/ledger");
      expect(answers[0]!.cache).toBe("render");
      expect(answers.at(-1)!.cache).toBe("hit");
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.html).toContain("Books.");
        expect([...answer.nonces]).toEqual([answer.csp]);
      }
      expect(new Set(answers.map((answer) => answer.csp)).size).toBe(answers.length);

      // A change the page shows is there at the very next request: the service's own text, then a new version.
      expect((await call("PATCH", "/api/v1/services/ledger", { description: "Books and journals." })).status).toBe(200);
      const described = await page("/services/ledger");
      expect(described.cache).toBe("render");
      expect(described.html).toContain("Books and journals.");
      await kept("/services/ledger");
      const document = {
        openapi: "3.0.3",
        info: { title: "Ledger", version: "2.4.0" },
        paths: { "/entries": { get: { operationId: "listEntries", responses: { "200": { description: "The entries." } } } } },
      };
      expect((await call("POST", "/api/v1/services/ledger/versions", document)).status).toBe(201);
      const published = await page("/services/ledger");
      expect(published.cache).toBe("render");
      expect(published.html).toContain("2.4.0");
      expect(published.html).toContain("/entries");

      // Not shared: the page's Markdown, the form for a new service, an unknown service, and any reader signed in.
      expect((await page("/services/ledger.md")).cache).toBeNull();
      expect((await page("/services/ledger?format=md")).cache).toBeNull();
      expect((await page("/services/new")).cache).toBeNull();
      const missing = await page("/services/no-such-service");
      expect([missing.status, missing.cache]).toEqual([404, "not kept"]);
      const own = await page("/services/ledger", { Cookie: session.Cookie });
      expect(own.cache).toBeNull();
      expect(own.html).toContain("Books and journals.");
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("serves the page's scripts and stylesheets as the build compressed them, with the headers Next.js sends, and leaves the rest to Next.js", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-static-"));
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_DEMO: "false" });
    try {
      const html = await (await fetch(`${server.url}/services`)).text();
      const assets = [...new Set([...html.matchAll(/\/_next\/static\/[^"'\\ ]+\.(?:js|css)/g)].map((match) => match[0]))];
      expect(assets.length).toBeGreaterThan(5);
      const raw = (address: string, encoding: string) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
          const sent = request(`${server.url}${address}`, { headers: { "accept-encoding": encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
          });
          sent.on("error", reject);
          sent.end();
        });
      const shared = ["cache-control", "content-type", "vary", "x-content-type-options", "referrer-policy", "x-frame-options"];
      for (const asset of assets) {
        // Next.js's own answer, uncompressed, and the build's brotli copy: the same bytes, the same headers.
        const [plain, packed] = [await raw(asset, "identity"), await raw(asset, "gzip, deflate, br, zstd")];
        expect([plain.status, packed.status, packed.headers["content-encoding"], plain.headers["content-encoding"]], asset).toEqual([
          200,
          200,
          "br",
          undefined,
        ]);
        expect(brotliDecompressSync(packed.body).equals(plain.body), asset).toBe(true);
        for (const header of shared) expect(packed.headers[header], `${asset} ${header}`).toBe(plain.headers[header]);
      }
      // Not an asset of the build: Next.js answers, as before.
      expect((await raw("/_next/static/chunks/no-such-chunk.js", "br")).status).toBe(404);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
