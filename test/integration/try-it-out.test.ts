/**
 * Try it out over HTTP against the production build: the built-in mock (Prism's behaviour, 422 with the
 * problems, named examples, Prefer: code=) and the server-side proxy against local test servers that
 * echo what reached them (credentials as declared; the portal's cookies and session never; undeclared
 * hosts, internal addresses and redirects to them refused before any connection).
 */
import { rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { execFile } from "node:child_process";
import { snippetz } from "@scalar/snippetz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSampleRequest } from "@/lib/try-it/samples/build-sample-request";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local API that records every request and answers with what it received (or a redirect). */
async function echoServer(): Promise<{ url: string; port: number; seen: Seen[]; redirectTo?: string; server: Server; setRedirect(url?: string): void }> {
  const state = { seen: [] as Seen[], redirectTo: undefined as string | undefined };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      state.seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      if (state.redirectTo && request.url?.startsWith("/v1/redirect")) {
        response.writeHead(302, { Location: state.redirectTo });
        return response.end();
      }
      if (request.url?.startsWith("/v1/hostile")) {
        // What an API could send back to act on the portal's origin.
        response.writeHead(201, {
          "Content-Type": "text/html",
          Location: "https://evil.example/next",
          Refresh: "0; url=https://evil.example/",
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Credentials": "true",
          "Content-Security-Policy": "default-src *",
          "WWW-Authenticate": 'Basic realm="portal"',
          "X-Request-Id": "r-1",
        });
        return response.end("<script>steal()</script>");
      }
      if (request.url?.startsWith("/v1/stall")) {
        // Declares far more than the proxy takes, then never sends it.
        response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "900000000" });
        response.write("{");
        return;
      }
      response.writeHead(200, { "Content-Type": "application/json", "Set-Cookie": "api_session=should-not-reach-the-browser" });
      response.end(JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get seen() {
      return state.seen;
    },
    server,
    setRedirect: (url?: string) => (state.redirectTo = url),
  };
}

const apiDocument = (api: string, internal: string, closed: string) =>
  JSON.stringify({
    openapi: "3.0.3",
    info: { title: "Echo", version: "1.0.0" },
    servers: [{ url: `${api}/v1` }, { url: `${internal}/v1` }, { url: `${closed}/v1` }],
    security: [{ key: [] }],
    components: {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: "X-Api-Key" },
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "api_session" },
      },
    },
    paths: {
      "/things": { get: { responses: { "200": { description: "ok" } } }, post: { security: [{ bearer: [] }], responses: { "200": { description: "ok" } } } },
      "/redirect": { get: { responses: { "200": { description: "ok" } } } },
      "/hostile": { get: { responses: { "201": { description: "created" } } } },
      "/stall": { get: { responses: { "200": { description: "ok" } } } },
    },
  });

describe("Try it out", () => {
  let server: PortalServer;
  let dataDir: string;
  let api: Awaited<ReturnType<typeof echoServer>>;
  let other: Awaited<ReturnType<typeof echoServer>>;
  let internal: Awaited<ReturnType<typeof echoServer>>;
  let reader: SessionHeaders;
  let closedPort: number;

  const tryCall = (target: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, who: Record<string, string> = reader) =>
    fetch(`${server.url}/api/try/echo/1.0.0`, {
      method: init.method ?? "GET",
      headers: { ...who, Origin: server.url, "X-Wayfinder-Target": target, ...init.headers },
      body: init.body,
    });
  const mock = (url: string, init: RequestInit = {}) => fetch(`${server.url}/mock/orders-api/3.4.0${url}`, init);

  beforeAll(async () => {
    [api, other, internal] = await Promise.all([echoServer(), echoServer(), echoServer()]);
    // A port nothing listens on (allowed, so the proxy does try it).
    const closed = await echoServer();
    closedPort = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    dataDir = await migratedDataDir("wayfinder-try-");
    // The API and a second host are allowed (they are on loopback); `internal` is declared by the document but not allowed.
    server = await startPortal({
      WAYFINDER_DATA_DIR: dataDir,
      WAYFINDER_ADMINS: "admin@try.test",
      WAYFINDER_TRY_ALLOW: `127.0.0.1:${api.port},127.0.0.1:${other.port},127.0.0.1:${closedPort}`,
      WAYFINDER_TRY_CALLS_PER_MINUTE: "40",
    });
    const admin = await signInLocally(server.url, { name: "Admin", email: "admin@try.test" });
    const post = (url: string, body: unknown) =>
      fetch(`${server.url}${url}`, { method: "POST", headers: { ...admin, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    await post("/api/v1/teams", { slug: "echo", name: "Echo" });
    await post("/api/v1/services", { slug: "echo", name: "Echo", primaryOwner: "echo" });
    const published = await fetch(`${server.url}/api/v1/services/echo/versions`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: apiDocument(api.url, internal.url, `http://127.0.0.1:${closedPort}`),
    });
    expect(published.status).toBe(201);
    reader = await signInLocally(server.url, { name: "Reader", email: "reader@try.test" });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    for (const echo of [api, other, internal]) echo?.server.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe("the mock server", () => {
    it("answers a GET with the document's example, and a named one on request", async () => {
      const first = await mock("/orders/ord_1", { headers: { Authorization: "Bearer anything" } });
      expect(first.status).toBe(200);
      expect(first.headers.get("x-wayfinder-mock")).toBe("example");
      expect(await first.json()).toMatchObject({ id: "ord_8TQ2", status: "pending" });
      const shipped = await mock("/orders/ord_1", { headers: { Authorization: "Bearer anything", Prefer: "example=shipped" } });
      expect(await shipped.json()).toMatchObject({ status: "shipped" });
    });

    it("generates data that follows the schema when there is no example", async () => {
      const response = await mock("/orders", { headers: { Authorization: "Bearer anything" } });
      expect(response.headers.get("x-wayfinder-mock")).toBe("generated");
      const body = (await response.json()) as { items: { shippingAddress: { country: string } }[] };
      expect(body.items[0]!.shippingAddress.country).toMatch(/^[A-Z]{2}$/);
    });

    it("lists every problem of an invalid request with 422, and asks for credentials with 401", async () => {
      const invalid = await mock("/orders", {
        method: "POST",
        headers: { Authorization: "Bearer anything", "Content-Type": "application/json" },
        body: JSON.stringify({ customerId: 7 }),
      });
      expect(invalid.status).toBe(422);
      const problem = (await invalid.json()) as { errors: { location: string; message: string }[] };
      const messages = problem.errors.map((error) => `${error.location}: ${error.message}`).join("\n");
      expect(messages).toMatch(/lines/);
      expect(messages).toMatch(/shippingAddress/);
      expect(messages).toMatch(/idempotency-key/i);
      expect(messages).toMatch(/customerId.*string/);
      const unauthorized = await mock("/orders");
      expect(unauthorized.status).toBe(401);
      // A problem that says what is missing and how to send it, never the document's 401 schema filled with "string" and 0.
      const body = (await unauthorized.json()) as { status: number; title: string; detail: string };
      expect(body).toMatchObject({ status: 401, title: "Credentials needed" });
      expect(body.detail).toMatch(/^GET \/orders needs Authorization: Bearer <token>.*any value is accepted/);
      expect(unauthorized.headers.get("x-wayfinder-mock-missing-credential")).toBe(body.detail);
    });

    it("answers a valid POST, a chosen status, an unknown path and a wrong method as Prism does", async () => {
      const created = await mock("/orders", {
        method: "POST",
        headers: { Authorization: "Bearer x", "Content-Type": "application/json", "Idempotency-Key": "k1" },
        body: JSON.stringify({
          customerId: "c1",
          lines: [{ sku: "TENT-2P-GRN", quantity: 1 }],
          shippingAddress: { name: "A", line1: "1 Road", city: "Town", postcode: "AB1", country: "GB" },
        }),
      });
      expect(created.status).toBe(201);
      expect((await mock("/orders/ord_1", { headers: { Authorization: "Bearer x", Prefer: "code=404" } })).status).toBe(404);
      expect((await mock("/nowhere")).status).toBe(404);
      expect((await mock("/orders", { method: "DELETE" })).status).toBe(405);
      expect((await fetch(`${server.url}/mock/orders-api/9.9.9/orders`)).status).toBe(404);
    });
  });

  it("runs the generated curl sample of every demo operation against the mock, with success", async () => {
    const services = (
      (await (await fetch(`${server.url}/api/v1/services?pageSize=100`)).json()) as { items: { slug: string; latestVersion: { version: string } | null }[] }
    ).items;
    const generator = snippetz();
    const failures: string[] = [];
    let ran = 0;
    for (const service of services.filter((entry) => entry.latestVersion && entry.slug !== "echo")) {
      const { version } = service.latestVersion!;
      const document = (await (await fetch(`${server.url}/api/v1/services/${service.slug}/versions/${encodeURIComponent(version)}/document`)).json()) as Record<
        string,
        any
      >;
      for (const [path, item] of Object.entries(document.paths ?? {}) as [string, Record<string, any>][]) {
        for (const method of ["get", "put", "post", "delete", "patch", "head", "options"].filter((name) => item[name])) {
          const request = buildSampleRequest({
            document,
            operation: item[method],
            path,
            method,
            server: `${server.url}/mock/${service.slug}/${encodeURIComponent(version)}`,
          });
          const curl = generator.print("shell", "curl", request)!;
          const status = await new Promise<string>((resolve) =>
            execFile("sh", ["-c", `${curl} --silent --output /dev/null --write-out '%{http_code}'`], (error, stdout) =>
              resolve(error ? `error ${error.message}` : stdout),
            ),
          );
          ran += 1;
          if (!/^2\d\d$/.test(status)) failures.push(`${service.slug} ${method.toUpperCase()} ${path}: ${status}\n${curl}`);
        }
      }
    }
    console.log(`curl samples run against the mock: ${ran}, failed: ${failures.length}`);
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThan(40);
  }, 120_000);

  describe("the proxy", () => {
    it("sends an API key and a bearer token as declared, and never the portal's cookies or session", async () => {
      const seenBefore = api.seen.length;
      const response = await tryCall(`${api.url}/v1/things?page=2`, { headers: { "X-Api-Key": "key-123", "X-Wayfinder-Cookie": "api_session=s1" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(Number(response.headers.get("x-wayfinder-proxy-ms"))).toBeGreaterThanOrEqual(0);
      const seen = api.seen.slice(seenBefore);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.url).toBe("/v1/things?page=2");
      expect(seen[0]!.headers["x-api-key"]).toBe("key-123");
      // Only the API's own cookie arrives: not next-auth's session, not the CSRF cookie.
      expect(seen[0]!.headers.cookie).toBe("api_session=s1");
      expect(JSON.stringify(seen[0]!.headers)).not.toMatch(/next-auth|wf_csrf|x-wayfinder/i);

      const posted = await tryCall(`${api.url}/v1/things`, {
        method: "POST",
        headers: { Authorization: "Bearer tok-456", "Content-Type": "application/json" },
        body: '{"a":1}',
      });
      expect(posted.status).toBe(200);
      const last = api.seen.at(-1)!;
      expect([last.method, last.headers.authorization, last.body]).toEqual(["POST", "Bearer tok-456", '{"a":1}']);
    });

    it("passes the API's answer on without what would act on the portal's origin, sandboxed, and forwards no portal headers", async () => {
      const seenBefore = api.seen.length;
      const response = await tryCall(`${api.url}/v1/hostile`, {
        headers: { "X-Nonce": "abc", "Content-Security-Policy": "default-src *", "Permissions-Policy": "camera=*" },
      });
      expect(response.status).toBe(201);
      for (const name of ["location", "refresh", "access-control-allow-origin", "access-control-allow-credentials", "www-authenticate", "set-cookie"])
        expect(response.headers.get(name), name).toBeNull();
      expect(response.headers.get("x-wayfinder-upstream-location")).toBe("https://evil.example/next");
      expect(response.headers.get("x-request-id")).toBe("r-1");
      // The sandbox is the answer's own, not replaced by the pages' policy on the way out.
      expect(response.headers.get("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
      expect(response.headers.get("content-security-policy")).not.toContain("nonce");
      expect(response.headers.get("content-disposition")).toBe("attachment");
      const seen = api.seen.slice(seenBefore)[0]!;
      for (const name of ["x-nonce", "content-security-policy", "permissions-policy"]) expect(seen.headers[name], name).toBeUndefined();
    });

    it("refuses at once an answer that declares more than the limit and then stalls", async () => {
      const started = performance.now();
      const response = await tryCall(`${api.url}/v1/stall`);
      console.log(`Oversized, stalled answer refused after ${Math.round(performance.now() - started)} ms`);
      expect(response.status).toBe(502);
      // Refused for its size, not left to run into the timeout.
      expect(response.headers.get("x-wayfinder-proxy-error")).toBe("too_large");
      // Waiting for the stalled body (before: until WAYFINDER_TRY_TIMEOUT_MS, 15 s) would exceed this test's own timeout.
    }, 10_000);

    it("refuses hosts the document does not declare, before connecting", async () => {
      const response = await tryCall("https://example.org/v1/things");
      expect(response.status).toBe(403);
      expect(response.headers.get("x-wayfinder-proxy-error")).toBe("allowlist");
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/example\.org.*not a server this version of the API declares/);
    });

    it("never lends an allowlisted internal host to a version that does not declare it", async () => {
      // `other` is named by WAYFINDER_TRY_ALLOW, but the echo document does not declare it as a server.
      const response = await tryCall(`${other.url}/admin/users/42`, { method: "DELETE" });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/does not declare it as a server/);
      expect(other.seen).toHaveLength(0);
    });

    it("refuses a declared server on an internal address that is not allowed, before connecting", async () => {
      const response = await tryCall(`${internal.url}/v1/things`);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/127\.0\.0\.1.*WAYFINDER_TRY_ALLOW/);
      expect(internal.seen).toHaveLength(0);
    });

    it("re-checks redirects: an internal address is refused, another host gets no credentials", async () => {
      api.setRedirect(`${internal.url}/v1/things`);
      const toInternal = await tryCall(`${api.url}/v1/redirect`, { headers: { "X-Api-Key": "key-123" } });
      expect(toInternal.status).toBe(403);
      expect(internal.seen).toHaveLength(0);

      api.setRedirect(`http://169.254.169.254/latest/meta-data/`);
      expect((await tryCall(`${api.url}/v1/redirect`)).status).toBe(403);

      api.setRedirect(`${other.url}/landing`);
      const elsewhere = await tryCall(`${api.url}/v1/redirect`, {
        headers: { "X-Api-Key": "key-123", Authorization: "Bearer tok", "X-Wayfinder-Cookie": "api_session=s1" },
      });
      expect(elsewhere.status).toBe(200);
      const landed = other.seen.at(-1)!;
      expect(landed.url).toBe("/landing");
      expect([landed.headers["x-api-key"], landed.headers.authorization, landed.headers.cookie]).toEqual([undefined, undefined, undefined]);
      api.setRedirect(undefined);
    });

    it("says why a call failed: a server that refuses the connection", async () => {
      const response = await tryCall(`http://127.0.0.1:${closedPort}/v1/things`);
      expect(response.status).toBe(502);
      expect(response.headers.get("x-wayfinder-proxy-error")).toBe("refused");
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/ECONNREFUSED/);
    });

    it("is for signed-in readers from the portal's own pages only", async () => {
      const anonymous = await fetch(`${server.url}/api/try/echo/1.0.0`, { headers: { "X-Wayfinder-Target": `${api.url}/v1/things` } });
      expect(anonymous.status).toBe(401);
      const { "x-wayfinder-csrf": _csrf, ...withoutCsrf } = reader;
      const noCsrf = await tryCall(`${api.url}/v1/things`, {}, withoutCsrf as Record<string, string>);
      expect(noCsrf.status).toBe(403);
    });

    it("logs who called which operation with status and latency, never bodies or credentials", async () => {
      await tryCall(`${api.url}/v1/things`, { method: "POST", headers: { Authorization: "Bearer secret-in-log-test" }, body: "body-in-log-test" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = server
        .output()
        .split("\n")
        .filter((line) => line.includes('"try.call"'));
      expect(lines.some((line) => line.includes('"operation":"POST /things"') && line.includes('"status":200'))).toBe(true);
      expect(server.output()).not.toMatch(/secret-in-log-test|body-in-log-test|key-123/);
    });

    it("limits calls per person", async () => {
      // The limit (40) counts per fixed minute: calls that straddle a minute's end split between two
      // windows, so keep calling until one answers 429 (more than 160 calls would need four minutes).
      const statuses: number[] = [];
      while (!statuses.includes(429) && statuses.length < 161) statuses.push((await tryCall(`${api.url}/v1/things`)).status);
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status !== 429).length).toBeLessThanOrEqual(2 * 40);
    });
  });
});
