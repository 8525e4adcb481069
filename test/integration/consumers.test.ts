/**
 * Who consumes what, over HTTP against the production build: declarations by REST, by the CLI (one
 * API, and a wayfinder.consumes.yaml), by a Backstage import and observed through Try it out with a
 * service token; each breaking change names the consumers it touches (an operation-level consumer only
 * for its operations, a whole-API one always, none whose version range excludes the revision) in the
 * REST diff, stored changes, the company feed and `change.breaking`, to the consumer team's webhook
 * that asks for it; `block-if-consumed`; the graph, unused operations and a person's watch feed.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractErrors } from "../support/contract";
import { startPortal, undeclaredStatuses, type PortalServer } from "../support/portal-server";
import { jsonCall } from "../support/json-call";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

const run = promisify(execFile);
const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };

/** The payments API at a version, with the given paths left out (and a server for Try it out). */
function payments(version: string, server: string, without: string[] = []) {
  const paths: Record<string, Record<string, unknown>> = {
    "/payments": { get: { operationId: "listPayments", responses: ok }, post: { operationId: "createPayment", responses: ok } },
    "/payments/{paymentId}": {
      get: { operationId: "getPayment", parameters: [{ name: "paymentId", in: "path", required: true, schema: { type: "string" } }], responses: ok },
    },
    "/payments/{paymentId}/capture": {
      post: { operationId: "capturePayment", parameters: [{ name: "paymentId", in: "path", required: true, schema: { type: "string" } }], responses: ok },
    },
    "/refunds": { get: { operationId: "listRefunds", responses: ok } },
  };
  for (const gone of without) delete paths[gone];
  return JSON.stringify({ openapi: "3.0.3", info: { title: "Payments", version }, servers: [{ url: `${server}/v1` }], paths });
}

describe("consumers and impact", () => {
  let server: PortalServer;
  let upstream: Server;
  let api: string;
  let dataDir: string;
  let work: string;
  let admin: SessionHeaders;
  let shopMaintainer: SessionHeaders;
  let shopMember: SessionHeaders;
  let payToken: string;
  let shopToken: string;
  let storefrontToken: string;
  const hooks: { path: string; body: Record<string, any> }[] = [];

  const call = (who: Record<string, string>, method: string, url: string, body?: unknown) => jsonCall(server.url, who, method, url, body);
  const publish = (document: string, query = "") =>
    fetch(`${server.url}/api/v1/services/payments/versions${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${payToken}`, "Content-Type": "application/json" },
      body: document,
    });
  const cli = async (args: string[], token = shopToken) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [path.resolve("public/cli/wayfinder.mjs"), ...args], {
        cwd: work,
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", WAYFINDER_URL: server.url, WAYFINDER_TOKEN: token },
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, out: failure.stdout + failure.stderr };
    }
  };
  const consumersOf = (changes: { id: string; operation?: string; consumers?: { service: { slug: string } }[] }[], id: string, operation?: string) =>
    changes
      .find((change) => change.id === id && (!operation || change.operation === operation))
      ?.consumers?.map((consumer) => consumer.service.slug)
      .sort();

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-consumers-");
    work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-consumers-files-"));
    // The payments API itself (for Try it out) and the webhook receiver, on one local server.
    upstream = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        if (request.url?.startsWith("/hooks/")) hooks.push({ path: request.url, body: JSON.parse(body) as Record<string, any> });
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const port = (upstream.address() as AddressInfo).port;
    api = `http://127.0.0.1:${port}`;
    server = await startPortal({
      WAYFINDER_DATA_DIR: dataDir,
      WAYFINDER_ADMINS: "admin@use.test",
      WAYFINDER_TRY_ALLOW: `127.0.0.1:${port}`,
      WAYFINDER_WEBHOOK_ALLOW: `127.0.0.1:${port}`,
    });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@use.test" });
    for (const team of ["pay", "shop"]) await call(admin, "POST", "/api/v1/teams", { slug: team, name: team === "pay" ? "Payments team" : "Shop team" });
    await call(admin, "PUT", "/api/v1/teams/shop/members", { email: "lead@use.test", role: "maintainer" });
    await call(admin, "PUT", "/api/v1/teams/shop/members", { email: "dev@use.test", role: "member" });
    await call(admin, "POST", "/api/v1/services", { slug: "payments", name: "Payments", primaryOwner: "pay" });
    for (const slug of ["storefront", "orders", "ledger", "legacy"])
      await call(admin, "POST", "/api/v1/services", { slug, name: slug[0]!.toUpperCase() + slug.slice(1), primaryOwner: "shop" });
    shopMaintainer = await signInLocally(server.url, { name: "Lead", email: "lead@use.test" });
    shopMember = await signInLocally(server.url, { name: "Dev", email: "dev@use.test" });
    payToken = (await call(admin, "POST", "/api/v1/teams/pay/tokens", { name: "pay ci", service: "payments" })).body!.token as string;
    shopToken = (await call(admin, "POST", "/api/v1/teams/shop/tokens", { name: "shop ci" })).body!.token as string;
    storefrontToken = (await call(admin, "POST", "/api/v1/teams/shop/tokens", { name: "storefront", service: "storefront" })).body!.token as string;
    expect((await publish(payments("1.0.0", api))).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    upstream?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("takes declarations over REST from those who may edit the consuming service, checked against the provider's operations", async () => {
    expect((await call(shopMember, "PUT", "/api/v1/services/storefront/dependencies/payments", { operations: ["createPayment"] })).status).toBe(403);
    expect((await call({}, "PUT", "/api/v1/services/storefront/dependencies/payments", {})).status).toBe(401);
    const declared = await call(shopMaintainer, "PUT", "/api/v1/services/storefront/dependencies/payments", {
      versions: "^1",
      operations: ["createPayment", "GET /payments/{id}"],
    });
    expect(declared.status).toBe(200);
    expect(contractErrors("/services/{slug}/dependencies/{provider}", "put", 200, declared.body)).toEqual([]);
    expect(declared.body).toMatchObject({
      consumer: { slug: "storefront" },
      provider: { slug: "payments" },
      versions: "^1",
      source: "portal",
      declaredBy: "lead@use.test",
    });

    const unknown = await call(shopMaintainer, "PUT", "/api/v1/services/storefront/dependencies/payments", { operations: ["chargeCard", "DELETE /payments"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body!.error.message).toContain('"chargeCard", "DELETE /payments" are not an operation of any version of "payments"');
    const range = await call(shopMaintainer, "PUT", "/api/v1/services/storefront/dependencies/payments", { versions: "the new one" });
    expect(range.status).toBe(400);
    expect(range.body!.error.details.issues[0].path).toBe("versions");
    expect((await call(shopMaintainer, "PUT", "/api/v1/services/storefront/dependencies/nowhere", {})).status).toBe(404);
    expect((await call(admin, "PUT", "/api/v1/services/payments/dependencies/payments", {})).body!.error.message).toContain("cannot consume itself");
    // The refused calls changed nothing.
    expect((await call({}, "GET", "/api/v1/services/storefront/dependencies")).body!.items[0].declared).toMatchObject({
      versions: "^1",
      operations: ["createPayment", "GET /payments/{id}"],
      declaredBy: null,
    });
    const audit = await call(admin, "GET", "/api/v1/audit?service=storefront");
    expect(audit.body!.items.map((entry: { action: string }) => entry.action)).toContain("consumption.declare");
  });

  it("takes declarations from the CLI: one API, and a wayfinder.consumes.yaml that replaces what it declared before", async () => {
    const one = await cli(["consumes", "payments@^1", "--operations", "capturePayment,getPayment", "--service", "orders"]);
    expect(one.out).toContain("declared: orders consumes payments@^1 (2 operations)");
    expect(one.code).toBe(0);
    const refused = await cli(["consumes", "payments", "--operations", "chargeCard", "--service", "orders"]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('"chargeCard" is not an operation');

    writeFileSync(path.join(work, "wayfinder.consumes.yaml"), "service: ledger\nconsumes:\n  - api: payments\n  - api: storefront\n");
    const file = await cli(["consumes", "--file", "wayfinder.consumes.yaml", "--service", "ledger"]);
    expect(file.code).toBe(0);
    expect(file.out).toContain("declared: ledger consumes payments@* (whole API)");
    writeFileSync(path.join(work, "wayfinder.consumes.yaml"), "consumes:\n  - api: payments\n    versions: '*'\n");
    const again = await cli(["consumes", "--file", "wayfinder.consumes.yaml", "--service", "ledger"]);
    expect(again.out).toContain("withdrawn: ledger no longer declares storefront");
    const listed = await call({}, "GET", "/api/v1/services/ledger/dependencies");
    expect(listed.body!.items.map((item: { service: { slug: string }; declared: { source: string } }) => [item.service.slug, item.declared.source])).toEqual([
      ["payments", "file"],
    ]);
    // Another team's token may not declare for shop's services.
    expect((await cli(["consumes", "payments", "--service", "orders"], payToken)).code).toBe(2);
  });

  it("takes consumesApis from a Backstage import, whatever order the entities come in", async () => {
    const yaml = [
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: legacy\nspec:\n  type: service\n  lifecycle: production\n  owner: group:shop\n  consumesApis: [api:payments, api:not-in-wayfinder]",
    ].join("\n---\n");
    const imported = await call(admin, "POST", "/api/v1/import/backstage", { yaml });
    expect(imported.status).toBe(200);
    expect(imported.body!.outcomes[0].reason).toContain("consumes 1 API (not in Wayfinder: not-in-wayfinder)");
    const declared = (await call({}, "GET", "/api/v1/services/legacy/dependencies")).body!.items;
    expect(
      declared.map((item: { service: { slug: string }; declared: { source: string; operations: string[] } }) => [item.service.slug, item.declared.source]),
    ).toEqual([["payments", "backstage"]]);
    // Pinned to the old major: 1.x changes will pass it by.
    expect((await call(shopMaintainer, "PUT", "/api/v1/services/legacy/dependencies/payments", { versions: "<1" })).status).toBe(200);
  });

  it("records calls through Try it out with a service token as observed use, and never forwards the token", async () => {
    const tried = await fetch(`${server.url}/api/try/payments/1.0.0`, {
      headers: { "X-Wayfinder-Token": storefrontToken, "X-Wayfinder-Target": `${api}/v1/payments/pay_1` },
    });
    expect(tried.status).toBe(200);
    // A team-wide token names no consumer; a bad one is a 401.
    const teamWide = await fetch(`${server.url}/api/try/payments/1.0.0`, {
      headers: { "X-Wayfinder-Token": shopToken, "X-Wayfinder-Target": `${api}/v1/payments` },
    });
    expect(teamWide.status).toBe(403);
    expect(
      (await fetch(`${server.url}/api/try/payments/1.0.0`, { headers: { "X-Wayfinder-Token": "wf_nope", "X-Wayfinder-Target": `${api}/v1/payments` } })).status,
    ).toBe(401);
    const consumers = await call({}, "GET", "/api/v1/services/payments/consumers");
    expect(contractErrors("/services/{slug}/consumers", "get", 200, consumers.body)).toEqual([]);
    const storefront = consumers.body!.items.find((item: { service: { slug: string } }) => item.service.slug === "storefront");
    expect(storefront.observed, JSON.stringify(consumers.body!.items)).toEqual([
      { operation: "GET /payments/{paymentId}", calls: 1, lastSeenAt: expect.any(String) },
    ]);
    // Nobody declared or called GET /refunds or GET /payments; ledger's whole-API declaration is counted
    // apart, legacy's (pinned below 1.0.0) not at all.
    const unused = await call({}, "GET", "/api/v1/services/payments/unused-operations");
    expect(contractErrors("/services/{slug}/unused-operations", "get", 200, unused.body)).toEqual([]);
    expect(unused.body!.operations.map((operation: { operation: string }) => operation.operation)).toEqual(["GET /payments", "GET /refunds"]);
    expect(unused.body!.wholeApiConsumers).toBe(1);
    // A page at a time, by name, with the count of all.
    expect(consumers.body!.total).toBe(4);
    const second = await call({}, "GET", "/api/v1/services/payments/consumers?page=2&pageSize=2");
    expect([second.body!.total, second.body!.page, second.body!.items.map((item: { service: { slug: string } }) => item.service.slug)]).toEqual([
      4,
      2,
      ["orders", "storefront"],
    ]);
    // Past the last page the count still comes (a query of its own); a first page with no one on it is none.
    const past = await call({}, "GET", "/api/v1/services/payments/consumers?page=3&pageSize=2");
    expect([past.body!.total, past.body!.items]).toEqual([4, []]);
    const none = await call({}, "GET", "/api/v1/services/payments/dependencies");
    expect([none.body!.total, none.body!.items]).toEqual([0, []]);
    expect((await call({}, "GET", "/api/v1/services/payments/consumers?pageSize=501")).status).toBe(400);
  });

  it("names on each change the consumers it touches, in the REST diff with `service`", async () => {
    const diff = await call({ Authorization: `Bearer ${shopToken}` }, "POST", "/api/v1/diff", {
      base: payments("1.0.0", api),
      revision: payments("1.1.0", api, ["/payments/{paymentId}/capture", "/refunds"]),
      service: "payments",
    });
    expect(diff.status).toBe(200);
    expect(contractErrors("/diff", "post", 200, diff.body)).toEqual([]);
    // orders declared capturePayment; ledger the whole API; storefront neither operation; legacy is pinned below 1.
    expect(consumersOf(diff.body!.changes, "endpoint-removed", "POST /payments/{paymentId}/capture")).toEqual(["ledger", "orders"]);
    expect(consumersOf(diff.body!.changes, "endpoint-removed", "GET /refunds")).toEqual(["ledger"]);
    expect(diff.body!.impact).toEqual({ consumers: 2, considered: 3 });
    expect(diff.body!.changes.every((change: { reach?: number }) => change.reach === undefined)).toBe(true);

    // The new major leaves out consumers whose range stops at 1.x.
    const major = await call({ Authorization: `Bearer ${shopToken}` }, "POST", "/api/v1/diff", {
      base: payments("1.0.0", api),
      revision: payments("2.0.0", api, ["/payments/{paymentId}/capture"]),
      service: "payments",
    });
    expect(consumersOf(major.body!.changes, "endpoint-removed")).toEqual(["ledger"]);
    // Without `service`, nothing is looked up.
    const plain = await call({ Authorization: `Bearer ${shopToken}` }, "POST", "/api/v1/diff", {
      base: payments("1.0.0", api),
      revision: payments("2.0.0", api, ["/refunds"]),
    });
    expect(plain.body!.impact).toBeUndefined();
    expect(plain.body!.changes[0].consumers).toBeUndefined();
  });

  it("prints who each change breaks in `wayfinder diff --service` and `wayfinder check`", async () => {
    writeFileSync(path.join(work, "v1.json"), payments("1.0.0", api));
    writeFileSync(path.join(work, "next.json"), payments("1.1.0", api, ["/payments/{paymentId}/capture"]));
    const diff = await cli(["diff", "v1.json", "next.json", "--service", "payments", "--fail-on", "breaking"]);
    expect(diff.code).toBe(1);
    expect(diff.out).toContain("→ breaks 2 consumers: Ledger (whole API), Orders (1 operation)");
    expect(diff.out).toContain("consumers: breaks 2: Ledger (1 breaking, Shop team), Orders (1 breaking, Shop team)");
    const json = await cli(["diff", "v1.json", "next.json", "--service", "payments", "--format", "json"]);
    expect(JSON.parse(json.out).impact).toEqual({ consumers: 2, considered: 3 });
    const check = await cli(["check", "--service", "payments", "next.json", "--format", "markdown"], payToken);
    expect(check.out).toContain("**Consumers: breaks 2: Ledger (1 breaking, Shop team), Orders (1 breaking, Shop team)**");
  });

  it("blocks under block-if-consumed only what touches a consumer, and tells the consumer team's webhook", async () => {
    const subscribed = await call(shopMaintainer, "POST", "/api/v1/teams/shop/webhooks", {
      url: `${api}/hooks/consumed`,
      events: ["change.breaking"],
      includeConsumed: true,
    });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body!.includeConsumed).toBe(true);
    await call(shopMaintainer, "POST", "/api/v1/teams/shop/webhooks", { url: `${api}/hooks/own-only`, events: ["change.breaking"] });
    // ledger's whole-API declaration would be touched by anything: it goes, leaving operation-level consumers.
    writeFileSync(path.join(work, "wayfinder.consumes.yaml"), "consumes: []\n");
    expect((await cli(["consumes", "--file", "wayfinder.consumes.yaml", "--service", "ledger"])).code).toBe(0);
    expect((await call(admin, "PATCH", "/api/v1/services/payments", { breakingChangePolicy: "block-if-consumed" })).body!.breakingChangePolicy).toBe(
      "block-if-consumed",
    );

    // Removing GET /refunds breaks nobody known: published without a reason, the change saying so.
    const previewQuiet = (await (await publish(payments("1.1.0", api, ["/refunds"]), "?dryRun=true")).json()) as { preview: { refused: boolean } };
    expect(previewQuiet.preview.refused).toBe(false);
    const quiet = await publish(payments("1.1.0", api, ["/refunds"]));
    expect(quiet.status).toBe(201);
    // The dry run says the same before anything is stored.
    const preview = (await (await publish(payments("1.2.0", api, ["/refunds", "/payments/{paymentId}/capture"]), "?dryRun=true")).json()) as {
      preview: { policy: string; refused: boolean };
    };
    expect(preview.preview).toMatchObject({ policy: "block-if-consumed", refused: true });
    const refused = await publish(payments("1.2.0", api, ["/refunds", "/payments/{paymentId}/capture"]));
    expect(refused.status).toBe(409);
    const error = (
      (await refused.json()) as { error: { message: string; details: { changes: { operation: string; consumers: { service: { slug: string } }[] }[] } } }
    ).error;
    expect(error.message).toContain("blocks breaking changes that touch a consumer: 1 of them touch Orders");
    expect(error.details.changes.map((change) => [change.operation, change.consumers.map((consumer) => consumer.service.slug)])).toEqual([
      ["POST /payments/{paymentId}/capture", ["orders"]],
    ]);
    expect((await publish(payments("1.2.0", api, ["/refunds", "/payments/{paymentId}/capture"]), "?acceptBreaking=orders%20moved%20to%20v2")).status).toBe(201);
    const changes = await call({}, "GET", "/api/v1/services/payments/changes");
    expect(contractErrors("/services/{slug}/changes", "get", 200, changes.body)).toEqual([]);
    const [latest, previous] = changes.body!.items as { version: string; consumers: unknown; changes: { id: string; consumers?: unknown[] }[] }[];
    expect(latest!.version).toBe("1.2.0");
    expect(latest!.consumers).toEqual([{ service: { slug: "orders", name: "Orders" }, teams: [{ slug: "shop", name: "Shop team" }], breaking: 1, warning: 0 }]);
    expect(previous!.consumers).toEqual([]);
    expect(previous!.changes.find((change) => change.id === "endpoint-removed")!.consumers).toEqual([]);
    const feed = await call({}, "GET", "/api/v1/changes?level=breaking");
    expect(feed.body!.items[0].consumers[0].service.slug).toBe("orders");

    await expect.poll(() => hooks.filter((hook) => hook.path === "/hooks/consumed").length, { timeout: 30_000 }).toBe(1);
    const delivered = hooks.find((hook) => hook.path === "/hooks/consumed")!.body;
    expect(delivered.type).toBe("change.breaking");
    expect(delivered.data.consumers.map((consumer: { service: { slug: string } }) => consumer.service.slug)).toEqual(["orders"]);
    expect(delivered.data.changes[0].consumers[0]).toMatchObject({ service: { slug: "orders" }, operations: ["POST /payments/{paymentId}/capture"] });
    // The subscription that did not ask for consumed APIs heard nothing of payments.
    expect(hooks.some((hook) => hook.path === "/hooks/own-only")).toBe(false);
  });

  it("compares stored versions with the consumers as known now", async () => {
    const diff = await call({}, "GET", "/api/v1/services/payments/diff?from=1.0.0&to=1.2.0");
    expect(contractErrors("/services/{slug}/diff", "get", 200, diff.body)).toEqual([]);
    expect(consumersOf(diff.body!.changes, "endpoint-removed", "POST /payments/{paymentId}/capture")).toEqual(["orders"]);
    expect(diff.body!.impact.consumers).toBe(1);
  });

  it("draws the neighbourhood of a service and of a team", async () => {
    const graph = await call({}, "GET", "/api/v1/services/payments/graph");
    expect(contractErrors("/services/{slug}/graph", "get", 200, graph.body)).toEqual([]);
    expect(graph.body!.nodes.find((node: { slug: string }) => node.slug === "payments").focus).toBe(true);
    expect(graph.body!.edges.map((edge: { consumer: string; evidence: string[] }) => [edge.consumer, edge.evidence.join("+")])).toEqual([
      ["legacy", "declared"],
      ["orders", "declared"],
      ["storefront", "declared+observed"],
    ]);
    const team = await call({}, "GET", "/api/v1/teams/shop/graph?depth=2");
    expect(team.body!.nodes.filter((node: { focus: boolean }) => node.focus)).toHaveLength(4);
    expect((await call({}, "GET", "/api/v1/teams/shop/graph?depth=3")).status).toBe(400);
  });

  it("lets a person watch a service and read its changes in a private Atom feed", async () => {
    expect((await call(shopMember, "PUT", "/api/v1/me/watches/payments")).status).toBe(204);
    expect((await call({ Authorization: `Bearer ${shopToken}` }, "PUT", "/api/v1/me/watches/payments")).status).toBe(403);
    const watches = await call(shopMember, "GET", "/api/v1/me/watches");
    expect(contractErrors("/me/watches", "get", 200, watches.body)).toEqual([]);
    expect(watches.body!.items.map((item: { service: { slug: string } }) => item.service.slug)).toEqual(["payments"]);
    const feed = await fetch(watches.body!.feed as string);
    const xml = await feed.text();
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    expect(xml).toContain("<title>Watched API changes · Wayfinder</title>");
    expect(xml).toContain("Payments 1.2.0");
    expect(xml).toContain("Breaks 1 consumer: Orders (1 breaking)");
    const forged = new URL(watches.body!.feed as string);
    forged.searchParams.set("key", "x".repeat(43));
    expect((await fetch(forged)).status).toBe(403);
    expect((await call(shopMember, "DELETE", "/api/v1/me/watches/payments")).status).toBe(204);
    expect((await call(shopMember, "GET", "/api/v1/me/watches")).body!.items).toEqual([]);
  });

  it("answered only with declared statuses", () => {
    expect(undeclaredStatuses(server.output()), server.output().slice(-3000)).toEqual([]);
  });
});
