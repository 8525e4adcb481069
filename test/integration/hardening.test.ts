/**
 * What a published document, a forged header or a large body could do to a running portal (issue 21),
 * over HTTP against a production build: catastrophic and huge patterns in a mocked document, headers
 * and markup a document declares, NUL bytes, bodies over Next.js's 10 MB buffer, a document with 20,000
 * operations, and a diff whose shared schema changes entirely. While the hostile requests run, the
 * portal's event loop is watched from outside by polling /api/health; the delays are printed (a test
 * never asserts a wall-clock time), and each case asserts that the portal kept answering meanwhile.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

/** Polls /api/health until stopped: how many answers came, and the slowest. */
function watchHealth(url: string) {
  let running = true;
  let answers = 0;
  let slowestMs = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const status = await fetch(`${url}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) answers += 1;
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { answers, slowestMs: Math.round(slowestMs) };
    },
  };
}

const CATASTROPHIC = "^(a+)+$";
const EVIL_INPUT = `${"a".repeat(48)}!`;

const hostileMockDocument = {
  openapi: "3.0.3",
  info: { title: "Hostile mock", version: "1.0.0" },
  servers: [{ url: "https://hostile.example" }],
  paths: {
    "/things/{id}": {
      get: {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "q", in: "query", schema: { type: "string", pattern: CATASTROPHIC } },
        ],
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    name: { type: "string", pattern: CATASTROPHIC },
                    code: { type: "string", pattern: "^x{100000000}$" },
                    ref: { type: "string", pattern: "^(?=a)(a|aa)+\\1$" },
                  },
                },
                // Does not match its own schema: the mock checks it before serving it.
                example: { name: EVIL_INPUT, code: "y", ref: "b" },
              },
            },
          },
        },
      },
    },
    "/things": {
      post: {
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", properties: { name: { type: "string", pattern: CATASTROPHIC } } } } },
        },
        responses: { "201": { description: "created" } },
      },
    },
    "/login": {
      get: {
        responses: {
          "302": {
            description: "A document can declare anything",
            headers: {
              "Set-Cookie": { schema: { type: "string" }, example: "wf_csrf=attacker; Path=/" },
              Location: { schema: { type: "string" }, example: "https://evil.example/phish" },
              Refresh: { schema: { type: "string" }, example: "0; url=https://evil.example/" },
              "Access-Control-Allow-Origin": { schema: { type: "string" }, example: "*" },
              "X-Rate-Limit": { schema: { type: "integer" }, example: 10 },
            },
          },
        },
      },
    },
    "/page": {
      get: {
        responses: {
          "200": { description: "markup", content: { "text/html": { schema: { type: "string" }, example: "<h1>Sign in again</h1><script>steal()</script>" } } },
        },
      },
    },
  },
};

describe("hardening: what documents, headers and bodies can do", () => {
  let server: PortalServer;
  let dataDir: string;
  let admin: SessionHeaders;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${url}`, { method: "POST", headers: { ...admin, "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
  const publish = (slug: string, body: string, contentType = "application/json") =>
    fetch(`${server.url}/api/v1/services/${slug}/versions`, { method: "POST", headers: { ...admin, "Content-Type": contentType }, body });

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-hardening-", { demo: false });
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@hardening.test", WAYFINDER_DEMO: "false" });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@hardening.test" });
    expect((await post("/api/v1/teams", { slug: "red", name: "Red" })).status).toBe(201);
    for (const slug of ["hostile", "large", "many", "amplified"])
      expect((await post("/api/v1/services", { slug, name: slug, primaryOwner: "red" })).status).toBe(201);
    expect((await publish("hostile", JSON.stringify(hostileMockDocument))).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs a document's catastrophic patterns in linear time: an anonymous mock call answers, and the portal meanwhile", async () => {
    const mock = `${server.url}/mock/hostile/1.0.0`;
    // A first call loads the mock's modules (once per process): not what is measured here. A value that
    // matches the pattern passes, so the pattern is evaluated, not skipped.
    expect((await fetch(`${mock}/things/1?q=aaaa`)).status).toBe(200);
    const watch = watchHealth(server.url);
    // The query does not match ^(a+)+$: on a backtracking engine this one check took minutes.
    const invalid = await fetch(`${mock}/things/1?q=${EVIL_INPUT}`);
    const body = await fetch(`${mock}/things`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: EVIL_INPUT }) });
    // The example breaks its schema (checked against the same patterns), so a body is generated instead.
    const served = await fetch(`${mock}/things/1`);
    const { answers, slowestMs } = await watch.stop();
    console.log(`Event loop during the hostile mock calls: ${answers} health answers, slowest ${slowestMs} ms`);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { title: string }).title).toBe("Invalid request");
    expect(body.status).toBe(422);
    expect(served.status).toBe(200);
    expect(served.headers.get("x-wayfinder-mock-warning")).toMatch(/does not match its schema/);
    const generated = (await served.json()) as { name?: string; code?: string };
    // ^x{100000000}$ is not expanded (RE2 refuses repeat counts over 1,000): no 100 MB string.
    expect(JSON.stringify(generated).length).toBeLessThan(10_000);
    expect(answers).toBeGreaterThan(0);
  });

  it("never lets a mocked answer act on the portal's origin: no cookies, redirects or grants, and markup is a download", async () => {
    const login = await fetch(`${server.url}/mock/hostile/1.0.0/login`, { redirect: "manual" });
    expect(login.status).toBe(302);
    expect(login.headers.get("set-cookie")).toBeNull();
    expect(login.headers.get("location")).toBeNull();
    expect(login.headers.get("x-wayfinder-upstream-location")).toBe("https://evil.example/phish");
    expect(login.headers.get("refresh")).toBeNull();
    expect(login.headers.get("access-control-allow-origin")).toBeNull();
    expect(login.headers.get("x-rate-limit")).toBe("10");
    expect(login.headers.get("content-security-policy")).toMatch(/sandbox/);

    const page = await fetch(`${server.url}/mock/hostile/1.0.0/page`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-disposition")).toBe("attachment");
    expect(page.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    // JSON answers stay readable in a browser tab, sandboxed all the same.
    const json = await fetch(`${server.url}/mock/hostile/1.0.0/things/1`);
    expect(json.headers.get("content-disposition")).toBeNull();
    expect(json.headers.get("content-security-policy")).toMatch(/sandbox/);
  });

  it("answers a NUL byte in a query, a path or a page address with 400 naming it, not 500", async () => {
    const search = await fetch(`${server.url}/api/v1/search?q=a%00b`);
    expect(search.status).toBe(400);
    expect(((await search.json()) as { error: { message: string } }).error.message).toBe('The query parameter "q" contains a NUL character.');
    for (const address of ["/services?q=a%00b", "/services/hostile%00", "/teams/red%00", "/mock/hostile/1.0.0/things/a%00b", "/api/v1/services/hostile%00"]) {
      const response = await fetch(`${server.url}${address}`);
      expect(response.status, address).toBe(400);
      expect(await response.text(), address).toMatch(/NUL character/);
    }
  });

  it("reads bodies past Next.js's 10 MB buffer whole: a 15 MB document is stored, a 25 MB one refused with 413", async () => {
    const document = (megabytes: number, version: string) =>
      JSON.stringify({ openapi: "3.0.3", info: { title: "Large", version, description: "x".repeat(megabytes * 1_048_576) }, paths: {} });
    const stored = await publish("large", document(15, "15.0.0"));
    const storedBody = (await stored.json()) as { version?: string; error?: unknown };
    expect(stored.status, JSON.stringify(storedBody).slice(0, 300)).toBe(201);
    expect(storedBody.version).toBe("15.0.0");
    const refused = await publish("large", document(25, "25.0.0"));
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/WAYFINDER_MAX_DOCUMENT_BYTES/),
    });
  });

  it("publishes a document with 20,000 operations while the portal keeps answering", async () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i += 1)
      paths[`/resources${i}/{id}`] = {
        get: {
          operationId: `getResource${i}`,
          summary: `Get resource ${i}`,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok" } },
        },
      };
    const text = JSON.stringify({ openapi: "3.0.3", info: { title: "Many", version: "1.0.0" }, paths });
    const watch = watchHealth(server.url);
    const started = performance.now();
    const response = await publish("many", text);
    const publishMs = Math.round(performance.now() - started);
    const { answers, slowestMs } = await watch.stop();
    console.log(
      `20,000 operations (${(text.length / 1_048_576).toFixed(1)} MB) published in ${publishMs} ms; /api/health answered ${answers} times meanwhile, slowest ${slowestMs} ms`,
    );
    const body = (await response.json()) as { operationCount?: number };
    expect(response.status, JSON.stringify(body).slice(0, 300)).toBe(201);
    expect(body.operationCount).toBe(20_000);
    // The portal answered while the operations were written, not only before and after.
    expect(answers).toBeGreaterThan(1);
    const versions = (await (await fetch(`${server.url}/api/v1/services/many/versions`)).json()) as { items: { operationCount: number }[] };
    expect(versions.items).toHaveLength(1);
    const search = (await (await fetch(`${server.url}/api/v1/search?q=getResource19999`)).json()) as { operations: { operationId: string | null }[] };
    expect(search.operations.map((hit) => hit.operationId)).toContain("getResource19999");
  }, 300_000);

  it("bounds a diff whose shared schema changes entirely: each shared change names its operations once, counted", async () => {
    // One enum of 4,000 values reached by 1,000 operations, every value changed.
    const amplified = (prefix: string, version: string) => {
      const paths: Record<string, unknown> = {};
      for (let i = 0; i < 1000; i += 1)
        paths[`/r${i}`] = {
          get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Colour" } } } } } },
        };
      return {
        openapi: "3.0.3",
        info: { title: "Amplified", version },
        paths,
        components: { schemas: { Colour: { type: "string", enum: Array.from({ length: 4000 }, (_, i) => `${prefix}${i}`) } } },
      };
    };
    const response = await post("/api/v1/diff", { base: amplified("a", "1.0.0"), revision: amplified("b", "2.0.0") });
    const text = await response.text();
    expect(response.status).toBe(200);
    const result = JSON.parse(text) as {
      changes: { operations?: string[]; operationCount?: number }[];
      summary: { breaking: number; warning: number; info: number };
      omitted?: { breaking: number; warning: number; info: number };
    };
    console.log(
      `Amplification pair: ${result.summary.breaking + result.summary.warning + result.summary.info} changes, ${result.changes.length} listed, ${text.length} bytes`,
    );
    expect(result.changes.length).toBe(1000);
    expect(result.omitted).toBeDefined();
    expect(result.summary.breaking + result.summary.warning + result.summary.info).toBe(
      result.changes.length + Object.values(result.omitted!).reduce((a, b) => a + b, 0),
    );
    expect(result.changes.every((change) => (change.operations?.length ?? 0) <= 10)).toBe(true);
    expect(result.changes.find((change) => change.operationCount)?.operationCount).toBe(1000);
    expect(text.length).toBeLessThan(2_000_000);

    // Stored as two versions: the changelog, the company feed and the service's API stay small.
    expect((await publish("amplified", JSON.stringify(amplified("a", "1.0.0")))).status).toBe(201);
    expect((await publish("amplified", JSON.stringify(amplified("b", "2.0.0")))).status).toBe(201);
    for (const address of ["/api/v1/services/amplified/changes", "/api/v1/changes", "/changes", "/changes/feed.atom"]) {
      const answer = await fetch(`${server.url}${address}`);
      expect(answer.status, address).toBe(200);
      const size = (await answer.text()).length;
      console.log(`${address}: ${size} bytes`);
      expect(size, address).toBeLessThan(3_000_000);
    }
  }, 180_000);

  it("bounds readers' diffs per caller and keeps each pair's result: a third at once is 429, the same pair again is answered", async () => {
    const pair = (seed: number) => {
      const document = (version: string, extra: boolean) => {
        const paths: Record<string, unknown> = {};
        for (let i = 0; i < 1500; i += 1) paths[`/s${seed}/r${i}`] = { get: { responses: { "200": { description: "ok" } } } };
        if (extra) paths[`/s${seed}/extra`] = { get: { responses: { "200": { description: "ok" } } } };
        return { openapi: "3.0.3", info: { title: `Pair ${seed}`, version }, paths };
      };
      return { base: document("1.0.0", true), revision: document("2.0.0", false) };
    };
    const responses = await Promise.all([1, 2, 3, 4].map((seed) => post("/api/v1/diff", pair(seed))));
    const statuses = responses.map((response) => response.status);
    console.log(`Four distinct diffs at once from one person: ${statuses.join(", ")}`);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain(429);
    const refused = responses[statuses.indexOf(429)]!;
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/At most 2 comparisons at a time/);
    const again = await post("/api/v1/diff", pair(1));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { summary: { breaking: number } }).summary.breaking).toBe(1);
  }, 120_000);

  it("refuses a document URL that carries a secret in its query string", async () => {
    const response = await fetch(`${server.url}/api/v1/services/large/source`, {
      method: "PUT",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ url: "https://specs.example/openapi.yaml?ref=main&access_token=ghp_secret" }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/must not carry a secret in its query string/);
  });
});
