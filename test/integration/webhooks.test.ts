import { rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractErrors } from "../support/contract";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally, type SessionHeaders } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A local endpoint that records what reaches it; `failFirst` answers 500 to the first N requests of a path. */
async function startReceiver(failFirst: Record<string, number> = {}) {
  const received: Received[] = [];
  const seen: Record<string, number> = {};
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "/", headers: request.headers, body, at: Date.now() });
      seen[request.url ?? "/"] = (seen[request.url ?? "/"] ?? 0) + 1;
      const failing = (failFirst[request.url ?? "/"] ?? 0) >= seen[request.url ?? "/"]!;
      response.writeHead(failing ? 500 : 204, { "Content-Type": "text/plain" }).end(failing ? "down for a moment" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { received, port, url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(what: string, read: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("webhooks, delivered by a running portal", () => {
  let server: PortalServer;
  let dataDir: string;
  let admin: SessionHeaders;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let internal: Awaited<ReturnType<typeof startReceiver>>;

  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { ...admin, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as any) };
  };

  beforeAll(async () => {
    receiver = await startReceiver({ "/retry": 3 });
    internal = await startReceiver();
    dataDir = await migratedDataDir("wayfinder-webhooks-", { demo: false });
    server = await startPortal({
      WAYFINDER_DATA_DIR: dataDir,
      WAYFINDER_DEMO: "false",
      WAYFINDER_ADMINS: "admin@hooks.test",
      // The receiver is on loopback: allowed by name and port, as an internal endpoint must be.
      WAYFINDER_WEBHOOK_ALLOW: `127.0.0.1:${receiver.port}`,
      WAYFINDER_WEBHOOK_RETRY_SECONDS: "1",
    });
    admin = await signInLocally(server.url, { name: "Admin", email: "admin@hooks.test" });
    expect((await call("POST", "/api/v1/teams", { slug: "hooks", name: "Hooks" })).status).toBe(201);
    expect((await call("POST", "/api/v1/services", { slug: "hooked", name: "Hooked API", primaryOwner: "hooks" })).status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await internal?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("signs each delivery per Standard Webhooks, which the standardwebhooks library verifies", async () => {
    const created = await call("POST", "/api/v1/teams/hooks/webhooks", { url: `${receiver.url}/signed`, events: ["version.published", "change.breaking"] });
    expect(created.status).toBe(201);
    expect(contractErrors("/teams/{slug}/webhooks", "post", 201, created.body)).toEqual([]);
    expect(created.body.secret).toMatch(/^whsec_/);

    const document = { openapi: "3.0.3", info: { title: "Hooked", version: "1.0.0" }, paths: { "/a": { get: { responses: { 200: { description: "ok" } } } } } };
    const published = await fetch(`${server.url}/api/v1/services/hooked/versions`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify(document),
    });
    expect(published.status).toBe(201);
    const delivery = await until("the delivery", () => receiver.received.find((entry) => entry.path === "/signed"));
    const verified = new Webhook(created.body.secret).verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: any };
    expect(verified).toMatchObject({ type: "version.published", data: { service: { slug: "hooked", name: "Hooked API" }, version: "1.0.0", revision: 1 } });
    // Tampered bodies and other secrets fail verification.
    expect(() => new Webhook(created.body.secret).verify(delivery.body.replace("1.0.0", "9.9.9"), delivery.headers as Record<string, string>)).toThrow();

    // A breaking change is its own event, with the changes.
    const next = { ...document, info: { ...document.info, version: "2.0.0" }, paths: {} };
    const publishedAt = Date.now();
    await fetch(`${server.url}/api/v1/services/hooked/versions`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify(next),
    });
    const breaking = await until("the breaking change", () =>
      receiver.received.find((entry) => entry.path === "/signed" && JSON.parse(entry.body).type === "change.breaking"),
    );
    // For the closing note: how long a chat channel waits to hear of a breaking change.
    console.log(`breaking change heard ${breaking.at - publishedAt} ms after the publish was answered`);
    expect(JSON.parse(breaking.body).data).toMatchObject({ version: "2.0.0", baseVersion: "1.0.0", breaking: 1, changes: [{ id: "endpoint-removed" }] });
  }, 90_000);

  it("retries a failing endpoint with growing delays, then records the delivery as succeeded", async () => {
    const created = await call("POST", "/api/v1/teams/hooks/webhooks", { url: `${receiver.url}/retry`, events: ["version.published"] });
    expect((await call("POST", `/api/v1/webhooks/${created.body.id}/test`)).status).toBe(202);
    const attempts = await until("four attempts", () => {
      const seen = receiver.received.filter((entry) => entry.path === "/retry");
      return seen.length >= 4 && seen;
    });
    // One event, so one webhook-id throughout: the receiver can deduplicate.
    expect(new Set(attempts.map((attempt) => attempt.headers["webhook-id"])).size).toBe(1);
    const gaps = attempts.slice(1).map((attempt, index) => attempt.at - attempts[index]!.at);
    console.log(`webhook retry gaps (ms): ${gaps.join(", ")}`);
    // Exponential backoff with jitter: the third wait is at least twice the first one's ceiling.
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
    const record = await eventually(async () => {
      const listed = await call("GET", "/api/v1/teams/hooks/webhooks");
      const delivery = listed.body.items.find((item: { id: string }) => item.id === created.body.id)?.deliveries[0];
      return delivery?.status === "succeeded" && { listed, delivery };
    });
    expect(contractErrors("/teams/{slug}/webhooks", "get", 200, record.listed.body)).toEqual([]);
    expect(record.delivery).toMatchObject({ type: "webhook.test", status: "succeeded", attempts: 4, responseStatus: 204 });
  }, 90_000);

  it("refuses an internal address the allowlist does not name when subscribing (deliveries check again: webhook-disable.test.ts)", async () => {
    const created = await call("POST", "/api/v1/teams/hooks/webhooks", { url: `https://127.0.0.1:${internal.port}/hook`, events: ["version.published"] });
    expect(created.status).toBe(400);
    // The allowlist names 127.0.0.1 for the receiver's port only.
    expect(created.body.error.message).toMatch(/not reachable from the portal: 127\.0\.0\.1 is allowed by WAYFINDER_WEBHOOK_ALLOW, but not on port \d+/);
    // A name that resolves to an internal address is refused the same way.
    const named = await call("POST", "/api/v1/teams/hooks/webhooks", { url: `https://localhost:${internal.port}/hook`, events: ["version.published"] });
    expect(named.status).toBe(400);
    expect(named.body.error.message).toMatch(/localhost resolves to/);
    expect(internal.received).toEqual([]);
    // Plain http to a host the allowlist does not name is refused when subscribing.
    const http = await call("POST", "/api/v1/teams/hooks/webhooks", { url: "http://hooks.example.com/x", events: ["version.published"] });
    expect(http.status).toBe(400);
    expect(http.body.error.message).toContain("must be https");
  }, 90_000);

  it("redelivers an event as a new delivery with the same webhook-id, and speaks Slack's incoming-webhook format", async () => {
    const slack = await call("POST", "/api/v1/teams/hooks/webhooks", {
      url: `${receiver.url}/slack`,
      events: ["ownership.changed"],
      format: "slack",
      service: "hooked",
    });
    expect(slack.status).toBe(201);
    expect((await call("POST", "/api/v1/teams", { slug: "heirs", name: "Heirs" })).status).toBe(201);
    expect((await call("POST", "/api/v1/services/hooked/transfer", { primaryOwner: "heirs" })).status).toBe(200);
    const first = await until("the Slack message", () => receiver.received.find((entry) => entry.path === "/slack"));
    expect(JSON.parse(first.body)).toEqual({ text: "Hooked API (hooked) is now owned by heirs." });

    const listed = await call("GET", "/api/v1/teams/hooks/webhooks");
    const delivery = listed.body.items.find((item: { id: string }) => item.id === slack.body.id).deliveries[0];
    const again = await call("POST", `/api/v1/webhooks/deliveries/${delivery.id}/redeliver`);
    expect(again.status).toBe(202);
    const second = await until("the redelivery", () => receiver.received.filter((entry) => entry.path === "/slack")[1]);
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect((await call("POST", "/api/v1/webhooks/deliveries/nope/redeliver")).status).toBe(404);
  }, 90_000);

  it("describes every event's payload in the contract's webhooks", async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { webhooks: Record<string, unknown> };
    expect(Object.keys(document.webhooks).sort()).toEqual([
      "change.approved",
      "change.breaking",
      "lint.failed",
      "ownership.changed",
      "scorecard.level_changed",
      "service.deprecated",
      "service.sunset_approaching",
      "version.published",
    ]);
  });
});

async function eventually<T>(read: () => Promise<T | undefined | false | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("Timed out");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
