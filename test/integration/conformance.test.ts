/**
 * Conformance over HTTP against the production build: Try it out's proxy checks each real response
 * against the contract and says so in a header; traffic logs (HAR and NDJSON, generated here) are
 * checked and their findings recorded; `wayfinder verify` passes a service that honours its contract,
 * fails one that drifts (naming each mismatch), records its run with a token, and passes Wayfinder's
 * own API against Wayfinder's own contract.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeVerdict } from "@/lib/conformance/verdict-header";
import { startPortal, type PortalServer } from "../support/portal-server";
import { runWayfinder } from "../support/run-wayfinder";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

const wayfinder = runWayfinder;

/**
 * A small shop API. `honest` answers as its contract says; `drifting` departs from it in every way a
 * contract can be broken: a string for an integer, a required property and a typed header wrong, an
 * undocumented status, and it accepts a request missing a required parameter.
 */
async function shopServer(mode: "honest" | "drifting"): Promise<{ url: string; port: number; server: Server }> {
  const drift = mode === "drifting";
  const server = createServer((request, response) => {
    const url = new URL(request.url!, "http://shop");
    if (url.pathname === "/v1/items") {
      if (!url.searchParams.get("limit") && !drift) {
        response.writeHead(400, { "Content-Type": "application/json" });
        return response.end(JSON.stringify({ message: "limit is required" }));
      }
      response.writeHead(200, { "Content-Type": "application/json" });
      return response.end(JSON.stringify({ items: [{ id: "it_1", price: drift ? "12" : 12 }] }));
    }
    if (url.pathname === "/v1/items/it_1") {
      response.writeHead(200, { "Content-Type": "application/json", "X-Rate-Limit": drift ? "lots" : "10" });
      return response.end(JSON.stringify(drift ? { id: "it_1" } : { id: "it_1", price: 3 }));
    }
    if (url.pathname === "/v1/items/it_1/reviews") {
      response.writeHead(200, { "Content-Type": "application/json" });
      return response.end(JSON.stringify({ reviews: [] }));
    }
    if (url.pathname === "/v1/items/it_2") {
      response.writeHead(drift ? 418 : 404, { "Content-Type": "application/json" });
      return response.end("{}");
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, server };
}

const contract = (servers: string[]) => ({
  openapi: "3.0.3",
  info: { title: "Shop", version: "1.0.0" },
  servers: servers.map((url) => ({ url: `${url}/v1` })),
  paths: {
    "/items": {
      get: {
        operationId: "listItems",
        parameters: [{ name: "limit", in: "query", required: true, schema: { type: "integer", minimum: 1 }, example: 5 }],
        responses: {
          "200": {
            description: "Items",
            content: {
              "application/json": {
                schema: { type: "object", required: ["items"], properties: { items: { type: "array", items: { $ref: "#/components/schemas/Item" } } } },
              },
            },
            links: { getItem: { operationId: "getItem", parameters: { id: "$response.body#/items/0/id" } } },
          },
          "400": { description: "A bad request" },
        },
      },
    },
    "/items/{id}": {
      get: {
        operationId: "getItem",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "One item",
            headers: { "X-Rate-Limit": { schema: { type: "integer" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
          "404": { description: "No such item" },
        },
      },
      delete: {
        operationId: "deleteItem",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "204": { description: "Gone" } },
      },
    },
  },
  components: {
    schemas: { Item: { type: "object", required: ["id", "price"], properties: { id: { type: "string" }, price: { type: "integer" } } } },
  },
});

interface Report {
  exchanges: number;
  mismatched: number;
  undocumentedOperations: number;
  findings: { operation: string; kind: string; pointer: string; rule: string; message: string; count: number; firstSeenAt: string; lastSeenAt: string }[];
}

/** A page's text with every tag as one `|`: table rows read `|Shop|1.0.0|4|`. */
const pageText = (html: string) =>
  html
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, "|")
    .replace(/\|+/g, "|");

describe("conformance", () => {
  let server: PortalServer;
  let dataDir: string;
  let work: string;
  let honest: Awaited<ReturnType<typeof shopServer>>;
  let drifting: Awaited<ReturnType<typeof shopServer>>;
  let admin: SessionHeaders;
  let reader: SessionHeaders;
  let token: string;

  beforeAll(async () => {
    [honest, drifting] = await Promise.all([shopServer("honest"), shopServer("drifting")]);
    dataDir = await migratedDataDir("wayfinder-conformance-");
    work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-conformance-files-"));
    server = await startPortal({
      WAYFINDER_DATA_DIR: dataDir,
      WAYFINDER_ADMINS: "admin@conformance.test",
      WAYFINDER_TRY_ALLOW: `127.0.0.1:${honest.port},127.0.0.1:${drifting.port}`,
    });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@conformance.test" });
    const post = async (url: string, body: unknown) => {
      const response = await fetch(`${server.url}${url}`, {
        method: "POST",
        headers: { ...admin, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status, `${url}: ${await response.clone().text()}`).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };
    await post("/api/v1/teams", { slug: "shop", name: "Shop" });
    await post("/api/v1/services", { slug: "shop", name: "Shop", primaryOwner: "shop" });
    await post("/api/v1/services/shop/versions", contract([honest.url, drifting.url]));
    token = (await post("/api/v1/teams/shop/tokens", { name: "shop ci", service: "shop" })).token as string;
    writeFileSync(path.join(work, "shop.json"), JSON.stringify(contract(["http://shop.example"])));
    reader = await signInLocally(server.url, { name: "Reader", email: "reader@conformance.test" });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    honest?.server.close();
    drifting?.server.close();
    for (const dir of [dataDir, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const conformance = async () =>
    (await (await fetch(`${server.url}/api/v1/services/shop/conformance`)).json()) as Report & {
      sources: { source: string; exchanges: number; mismatched: number }[];
      runs: { source: string; exchanges: number; mismatched: number }[];
    };

  it("checks every response Try it out's proxy gets, says so in a header, and records the findings, never the body", async () => {
    const tryCall = (target: string) => fetch(`${server.url}/api/try/shop/1.0.0`, { headers: { ...reader, Origin: server.url, "X-Wayfinder-Target": target } });
    const good = await tryCall(`${honest.url}/v1/items/it_1`);
    expect(good.status).toBe(200);
    expect(decodeVerdict(good.headers.get("x-wayfinder-conformance"))).toMatchObject({ operation: "GET /items/{id}", documented: true, total: 0 });

    const bad = await tryCall(`${drifting.url}/v1/items/it_1`);
    expect(bad.status).toBe(200);
    const verdict = decodeVerdict(bad.headers.get("x-wayfinder-conformance"))!;
    expect(verdict.total).toBe(2);
    expect(verdict.findings.map((finding) => finding.message)).toEqual(
      expect.arrayContaining(["`price` is missing, the contract requires it", expect.stringMatching(/header `x-rate-limit` must be integer/i)]),
    );
    const status = decodeVerdict((await tryCall(`${drifting.url}/v1/items/it_2`)).headers.get("x-wayfinder-conformance"))!;
    expect(status.findings).toEqual([{ kind: "undocumented-status", pointer: "", message: "the status 418 is not documented (200, 404 are)" }]);

    const stored = await conformance();
    expect(stored.sources).toEqual([expect.objectContaining({ source: "try", exchanges: 3, mismatched: 2 })]);
    expect(stored.findings.map((finding) => `${finding.kind} ${finding.pointer} ${finding.rule}`).sort()).toEqual([
      "body /price required",
      "header /header/x-rate-limit type",
      "undocumented-status  status",
    ]);
    expect(JSON.stringify(stored)).not.toContain("lots");
  });

  it("checks a HAR file of recorded traffic: undocumented operations, parameters and statuses, and schema mismatches, counted", async () => {
    const entry = (method: string, url: string, status: number, body?: unknown, headers: Record<string, string> = {}, at = "2026-12-01T10:00:00Z") => ({
      startedDateTime: at,
      request: { method, url, headers: [], queryString: [] },
      response: {
        status,
        headers: Object.entries({ "Content-Type": "application/json", ...headers }).map(([name, value]) => ({ name, value })),
        content: body === undefined ? { mimeType: "application/json" } : { mimeType: "application/json", text: JSON.stringify(body) },
      },
    });
    // Logged inside the network: another host than the contract's servers, the same base path.
    const host = "http://shop.internal:8080/v1";
    const entries = [
      ...Array.from({ length: 5 }, () => entry("GET", `${host}/items?limit=2`, 200, { items: [{ id: "a", price: 1 }] })),
      entry("GET", `${host}/items/a`, 200, { id: "a", price: 1 }, { "X-Rate-Limit": "9" }),
      entry("GET", `${host}/items?limit=2&debug=1`, 200, { items: [] }, {}, "2026-12-02T10:00:00Z"),
      entry("GET", `${host}/admin/stats`, 200, {}),
      entry("GET", `${host}/admin/stats`, 200, {}, {}, "2026-12-03T10:00:00Z"),
      entry("GET", `${host}/items/b`, 500, { oops: true }),
      entry("GET", `${host}/items/c`, 200, { id: "c", price: "4" }),
      entry("GET", `${host}/items/d`, 200, { id: "d", price: "5" }),
      // No body recorded: only the status and headers are checked.
      entry("GET", `${host}/items/e`, 200, undefined, { "X-Rate-Limit": "1" }),
    ];
    const response = await fetch(`${server.url}/api/v1/services/shop/traffic`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/har+json" },
      body: JSON.stringify({ log: { version: "1.2", creator: { name: "test", version: "1" }, entries } }),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report).toMatchObject({ exchanges: 13, mismatched: 6, undocumentedOperations: 2 });
    const found = Object.fromEntries(report.findings.map((finding) => [`${finding.operation} ${finding.kind} ${finding.pointer}`, finding]));
    expect(found["GET /admin/stats undocumented-operation "]).toMatchObject({
      count: 2,
      firstSeenAt: "2026-12-01T10:00:00.000Z",
      lastSeenAt: "2026-12-03T10:00:00.000Z",
    });
    expect(found["GET /items undocumented-parameter /query/debug"]).toMatchObject({
      count: 1,
      message: "the query parameter `debug` is not a parameter of the operation",
    });
    expect(found["GET /items/{id} undocumented-status "]).toMatchObject({ count: 1, message: "the status 500 is not documented (200, 404 are)" });
    expect(found["GET /items/{id} body /price"]).toMatchObject({
      count: 2,
      rule: "type",
      message: "`price` is a string, the contract says it must be integer",
    });
    expect(report.findings).toHaveLength(4);

    const stored = await conformance();
    expect(stored.runs[0]).toMatchObject({ source: "traffic", exchanges: 13, mismatched: 6 });
  });

  it("reads NDJSON as it streams, and refuses a malformed line naming it, recording nothing", async () => {
    const lines = [
      { method: "GET", url: "/v1/items/it_1", status: 200, headers: { "content-type": "application/json" }, body: { id: "it_1", price: 2 } },
      { method: "DELETE", url: "/v1/items/it_1", status: 204, time: "2026-12-04T00:00:00Z" },
    ];
    const send = (text: string, who: Record<string, string> = { Authorization: `Bearer ${token}` }) =>
      fetch(`${server.url}/api/v1/services/shop/traffic`, { method: "POST", headers: { ...who, "Content-Type": "application/x-ndjson" }, body: text });
    const good = await send(lines.map((line) => JSON.stringify(line)).join("\n"));
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ exchanges: 2, mismatched: 0, findings: [] });

    const before = (await conformance()).runs.length;
    const bad = await send(`${JSON.stringify(lines[0])}\n{"method":"GET","url":"/v1/items","status":"two hundred"}\n`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe("Traffic line 2: has no HTTP status (100–599)");
    expect((await conformance()).runs.length).toBe(before);

    // Only those who may edit the service send traffic; a reader may not, and nothing is read.
    expect((await send(JSON.stringify(lines[0]), reader)).status).toBe(403);
    const unknown = await fetch(`${server.url}/api/v1/services/shop/traffic`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
      body: "a,b",
    });
    expect(unknown.status).toBe(400);
  });

  it("keeps the callers a traffic log names as observed consumers of the operations they called", async () => {
    const item = { method: "GET", status: 200, headers: { "content-type": "application/json" }, body: { id: "it_1", price: 2 } };
    const ndjson = [
      { ...item, url: "/v1/items/it_1", consumer: "orders-api" },
      { ...item, url: "/v1/items/it_2", consumer: "orders-api" },
      { ...item, url: "/v1/items/it_1", requestHeaders: { "X-Wayfinder-Consumer": "ghost-app" } },
      // Not a slug: left out, not refused; an undocumented operation is no evidence of use.
      { ...item, url: "/v1/items/it_1", consumer: "Not A Slug!" },
      { ...item, url: "/v1/admin/stats", consumer: "storefront" },
    ];
    const response = await fetch(`${server.url}/api/v1/services/shop/traffic`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/x-ndjson" },
      body: ndjson.map((line) => JSON.stringify(line)).join("\n"),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { consumers: unknown[] }).consumers).toEqual([
      { slug: "orders-api", calls: 2, known: true },
      { slug: "ghost-app", calls: 1, known: false },
    ]);
    const consumers = (await (await fetch(`${server.url}/api/v1/services/shop/consumers`)).json()) as {
      items: { service: { slug: string }; declared: unknown; observed: { operation: string; calls: number }[] }[];
    };
    expect(consumers.items.map((item) => [item.service.slug, item.declared, item.observed.map((use) => `${use.operation} ×${use.calls}`)])).toEqual([
      ["orders-api", null, ["GET /items/{id} ×2"]],
    ]);

    // The CLI says who called.
    writeFileSync(path.join(work, "calls.ndjson"), JSON.stringify({ ...item, url: "/v1/items/it_1", consumer: "orders-api" }));
    const cli = await wayfinder(["traffic", "shop", path.join(work, "calls.ndjson")], { WAYFINDER_URL: server.url, WAYFINDER_TOKEN: token });
    expect(cli.out).toContain("callers: orders-api (1 call)");
  });

  it("verify passes a service that honours its contract, following links, and fails one that drifts, naming each mismatch", async () => {
    const contractFile = path.join(work, "shop.json");
    const ok = await wayfinder(["verify", contractFile, "--base-url", `${honest.url}/v1`, "--negative"]);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    // getItem's {id} came from listItems' response through the link.
    expect(ok.out).toContain("ok   GET /items/{id} → 200");
    expect(ok.out).toContain("ok   GET /items (negative: without query limit) → 400");
    expect(ok.out).toContain("skip DELETE /items/{id}: a write (run with --include-writes)");

    const bad = await wayfinder(["verify", contractFile, "--base-url", `${drifting.url}/v1`, "--negative"]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("`items.0.price` is a string, the contract says it must be integer");
    expect(bad.out).toContain("`price` is missing, the contract requires it");
    expect(bad.out).toContain("the header `x-rate-limit` must be integer");
    expect(bad.out).toContain("answered 200 without the required query parameter `limit`; it must be refused");

    const junit = await wayfinder(["verify", contractFile, "--base-url", `${drifting.url}/v1`, "--format", "junit"]);
    expect(junit.code).toBe(1);
    expect(junit.out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="wayfinder verify" tests="3" failures="2" errors="0" skipped="1"/);
    const markdown = await wayfinder(["verify", contractFile, "--base-url", `${drifting.url}/v1`, "--format", "markdown"]);
    expect(markdown.out).toContain("❌ 0 passed, 2 failed, 1 skipped");

    // Nothing answers: it could not run.
    const closed = await wayfinder(["verify", contractFile, "--base-url", "http://127.0.0.1:9/v1"]);
    expect(closed.code).toBe(2);
    expect(closed.out).toMatch(/ERR  GET \/items: not answered/);
  }, 120_000);

  it("verify takes the contract from the portal with --service, and records its run there with a token", async () => {
    const env = { WAYFINDER_URL: server.url, WAYFINDER_TOKEN: token };
    const result = await wayfinder(["verify", "--service", "shop", "--base-url", `${drifting.url}/v1`, "--format", "json"], env);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ contract: "shop", version: "1.0.0", summary: { passed: 0, failed: 2, skipped: 1 } });
    expect(result.err).toContain(`recorded for shop 1.0.0 in ${server.url}`);
    const stored = await conformance();
    expect(stored.runs[0]).toMatchObject({ source: "verify", exchanges: 2, mismatched: 2 });
    expect(stored.findings.some((finding) => finding.operation === "GET /items" && finding.pointer === "/items/0/price")).toBe(true);
  }, 120_000);

  it("verify passes Wayfinder's own API against Wayfinder's own contract", async () => {
    // Real things to read, so bodies are checked and not only 404s: a demo service and its version, a team, a template.
    writeFileSync(
      path.join(work, "fixtures.yaml"),
      [
        "slug: payments-api",
        "version: 1.1.0",
        "name: fastapi-service",
        '"GET /teams/{slug}": { slug: payments }',
        '"GET /teams/{slug}/graph": { slug: payments }',
      ].join("\n"),
    );
    const result = await wayfinder(
      ["verify", "--service", "wayfinder", "--base-url", `${server.url}/api/v1`, "--fixtures", path.join(work, "fixtures.yaml"), "--negative"],
      { WAYFINDER_URL: server.url },
    );
    expect(result.out).not.toMatch(/^FAIL/m);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/ok {3}GET \/services\/\{slug\}\/versions\/\{version\}\/document → 200/);
    expect(result.out).toMatch(/ok {3}GET \/teams\/\{slug\} → 200/);
    expect(result.out).toMatch(/\d+ passed, 0 failed/);
  }, 180_000);

  it("shows the DX-SLOs on /insights: docs freshness from the commit's time, and serialization defects per checked release", async () => {
    // Everything above found four distinct defects in shop 1.0.0 (the same one found by two sources counts once).
    const text = pageText(await (await fetch(`${server.url}/insights`)).text());
    expect(text).toMatch(/\|Shop\|1\.0\.0\|4\|\d+\|/);
    expect(text).toContain("Company-wide: 4.0 per release over 1 checked releases (|over the target|)");

    // A version committed 30 minutes ago, published now: fresh once it is linted (in the background).
    const committedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const published = await fetch(`${server.url}/api/v1/services/shop/versions?committedAt=${encodeURIComponent(committedAt)}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ...contract([honest.url, drifting.url]), info: { title: "Shop", version: "1.1.0" } }),
    });
    expect(published.status).toBe(201);
    await expect
      .poll(async () => pageText(await (await fetch(`${server.url}/insights`)).text()), { timeout: 60_000 })
      .toMatch(/\|Shop\|30\.\d min\|30\.\d min \(\|meets the target\|\)\|1\|/);
    // A committedAt that is not a date is refused, naming it.
    const refused = await fetch(`${server.url}/api/v1/services/shop/versions?committedAt=yesterday`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(contract([honest.url])),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Invalid query parameter committedAt/);
  }, 120_000);

  it("measures time to a new endpoint: from wayfinder check first seeing it to a published, documented and verified version", async () => {
    const env = { WAYFINDER_URL: server.url, WAYFINDER_TOKEN: token };
    const withReviews = (version: string) => {
      const document = contract([honest.url]);
      return {
        ...document,
        info: { title: "Shop", version },
        paths: {
          ...document.paths,
          "/items/{id}/reviews": {
            get: {
              operationId: "listReviews",
              summary: "An item's reviews",
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, example: "it_1" }],
              responses: { "200": { description: "Reviews", content: { "application/json": { schema: { type: "object", required: ["reviews"] } } } } },
            },
          },
        },
      };
    };
    const slo = async () =>
      (
        (await (await fetch(`${server.url}/api/v1/insights/slos`)).json()) as {
          slos: { id: string; company: { count: number } | null; services: { slug: string; count: number; p90: number; met: boolean }[] }[];
        }
      ).slos.find((item) => item.id === "timeToNewEndpoint")!;
    expect((await slo()).company).toBeNull();

    // A pull request adds GET /items/{id}/reviews: the check (with the service's token) starts its clock.
    writeFileSync(path.join(work, "shop-reviews.json"), JSON.stringify(withReviews("1.2.0")));
    const checked = await wayfinder(["check", "--service", "shop", path.join(work, "shop-reviews.json"), "--format", "json"], env);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.err).not.toContain("not recorded");
    // A second sighting keeps the first; a reader may not record one; a name that is no operation is refused.
    const sight = (headers: Record<string, string>, operations: string[]) =>
      fetch(`${server.url}/api/v1/services/shop/endpoint-sightings`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", Origin: server.url },
        body: JSON.stringify({ source: "check", operations }),
      });
    const again = await sight({ Authorization: `Bearer ${token}` }, ["GET /items/{item}/reviews"]);
    expect(await again.json()).toEqual({ seen: 1, new: 0 });
    expect((await sight(reader, ["GET /items/{id}/reviews"])).status).toBe(403);
    const malformed = await sight({ Authorization: `Bearer ${token}` }, ["listReviews"]);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toBe('Not `METHOD /path`: "listReviews".');

    // Published, but not verified yet: still on its way.
    const published = await fetch(`${server.url}/api/v1/services/shop/versions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(withReviews("1.2.0")),
    });
    expect(published.status).toBe(201);
    expect((await slo()).company).toBeNull();

    // verify against the honest service calls it and finds it as documented: done.
    const verified = await wayfinder(["verify", "--service", "shop", "--version", "1.2.0", "--base-url", `${honest.url}/v1`], env);
    expect(verified.out).toMatch(/ok {3}GET \/items\/\{id\}\/reviews → 200/);
    const figure = await slo();
    expect(figure.company).toMatchObject({ count: 1 });
    expect(figure.services).toEqual([expect.objectContaining({ slug: "shop", count: 1, met: true })]);
    expect(figure.services[0]!.p90).toBeLessThan(5 * 86_400);

    const text = pageText(await (await fetch(`${server.url}/insights`)).text());
    // The team's table, then the service's: each one row, Shop, one endpoint.
    expect(text.match(/\|Median\|90th percentile\|Endpoints\|Shop\|\d+ s\|\d+ s \(\|meets the target\|\)\|1\|/g)).toHaveLength(2);
  }, 180_000);
});
