/**
 * Wayfinder for assistants and programs, against a running portal with the demo company: the MCP server
 * at /mcp (the SDK's own client, every tool run, answers compared with REST's for the same caller,
 * sign-in and throttling), `wayfinder mcp` on stdio, /llms.txt, the Markdown pages and
 * /.well-known/api-catalog (an RFC 9264 linkset whose every link resolves).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MCP_REQUESTS } from "@/lib/mcp/mcp-limits";
import { WAYFINDER_MCP_TOOLS } from "@/lib/mcp/wayfinder-mcp-server";
import { startPortal, type PortalServer } from "../support/portal-server";
import { signInLocally } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

type ToolText = { isError?: boolean; content: { type: string; text: string }[] };

async function connect(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: "wayfinder-test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", url), { requestInit: { headers: token ? { Authorization: `Bearer ${token}` } : {} } }),
  );
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolText;
const json = (result: ToolText) => {
  if (result.isError) throw new Error(`the tool failed: ${result.content[0]!.text}`);
  return JSON.parse(result.content[0]!.text) as Record<string, unknown>;
};

async function createToken(url: string, email: string, team: string, service: string): Promise<string> {
  const session = await signInLocally(url, { name: "Admin", email });
  const answer = await fetch(`${url}/api/v1/teams/${team}/tokens`, {
    method: "POST",
    headers: { ...session, "Content-Type": "application/json" },
    body: JSON.stringify({ name: `mcp ${service}`, service }),
  });
  return ((await answer.json()) as { token: string }).token;
}

describe("Wayfinder for assistants and programs", () => {
  let server: PortalServer;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-mcp-");
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@mcp.test", WAYFINDER_DEMO: "true" });
    token = await createToken(server.url, "admin@mcp.test", "payments", "chargeback-desk");
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists its tools and runs each one, as REST would answer the same caller", async () => {
    const client = await connect(server.url, token);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([...WAYFINDER_MCP_TOOLS].sort());
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      const rest = async (route: string) => (await fetch(`${server.url}${route}`, { headers: { Authorization: `Bearer ${token}` } })).json();

      const found = await call(client, "search", { query: "getPayment" });
      expect(json(found)).toEqual(await rest("/api/v1/search?q=getPayment"));
      expect(found.content[0]!.text).toContain("payments-api");

      const operation = json(await call(client, "get_operation", { service: "payments-api", method: "GET", path: "/payments/{paymentId}" }));
      expect(Object.keys(operation.paths as object)).toEqual(["/payments/{paymentId}"]);
      expect(operation["x-wayfinder-slice"]).toMatchObject({ of: "GET /payments/{paymentId}" });

      expect(json(await call(client, "list_versions", { service: "payments-api" }))).toEqual(await rest("/api/v1/services/payments-api/versions"));
      expect(json(await call(client, "list_changes", { service: "payments-api" }))).toEqual(await rest("/api/v1/services/payments-api/changes"));
      const diff = json(await call(client, "diff_versions", { service: "payments-api", from: "1.0.0", to: "1.1.0" }));
      expect(diff).toMatchObject({ from: { version: "1.0.0" }, to: { version: "1.1.0" } });
      const consumers = (await rest("/api/v1/services/payments-api/consumers?pageSize=500")) as { items: { service: { slug: string } }[] };
      expect(json(await call(client, "list_consumers", { service: "payments-api" }))).toEqual(consumers);
      // Of one operation: capturing is declared by the Orders API (as capturePayment) and the Chargeback Desk (the whole API), not the storefront.
      const capture = json(await call(client, "list_consumers", { service: "payments-api", operation: "POST /payments/{id}/capture" })) as typeof consumers;
      expect(json(await call(client, "list_consumers", { service: "payments-api", operation: "capturePayment" }))).toEqual({
        ...capture,
        operation: "capturePayment",
      });
      expect(capture.items.map((item) => item.service.slug)).toEqual(expect.arrayContaining(["orders-api", "chargeback-desk"]));
      expect(capture.items.map((item) => item.service.slug)).not.toContain("storefront-web");
      expect(capture.items.length).toBeLessThan(consumers.items.length);

      // A working copy without GET /payments/{paymentId}: a breaking change, found before publishing.
      const stored = (await rest("/api/v1/services/payments-api/versions/1.1.0/document")) as { paths: Record<string, unknown> };
      delete stored.paths["/payments/{paymentId}"];
      const checked = json(await call(client, "check_document", { service: "payments-api", document: JSON.stringify(stored) }));
      expect(JSON.stringify(checked)).toContain("/payments/{paymentId}");
      expect((checked.summary as { breaking: number }).breaking).toBeGreaterThan(0);

      // The mocked API wants its own credential (any value); the caller's Wayfinder token is not it.
      const withoutCredential = json(await call(client, "call_mock", { service: "payments-api", method: "GET", path: "/payments/pay_123" }));
      expect(withoutCredential).toMatchObject({ status: 401, body: { title: "Credentials needed" } });
      const mocked = json(
        await call(client, "call_mock", { service: "payments-api", method: "GET", path: "/payments/pay_123", headers: { Authorization: "Bearer anything" } }),
      );
      expect(mocked).toMatchObject({ status: 200, body: { id: expect.any(String) } });

      const pattern = json(await call(client, "find_pattern", { topic: "pagination" }));
      expect((pattern.matches as unknown[]).length).toBeGreaterThan(0);
      expect((pattern.best as { markdown: string }).markdown).toMatch(/^# /);

      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((template) => template.uriTemplate)).toEqual(["wayfinder://docs/{collection}/{slug}"]);
      const { resources } = await client.listResources();
      expect(resources.map((resource) => resource.uri)).toContain("wayfinder://docs/patterns/pagination");
      const read = await client.readResource({ uri: "wayfinder://docs/patterns/pagination" });
      expect(read.contents[0]).toMatchObject({ mimeType: "text/markdown", text: expect.stringMatching(/^# .*\n/) });

      const missing = await call(client, "list_versions", { service: "no-such-service" });
      expect(missing).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/^HTTP 404: .*no-such-service/) }] });
    } finally {
      await client.close();
    }
  }, 120_000);

  it("gives an anonymous caller only what REST gives it", async () => {
    const client = await connect(server.url);
    try {
      // Comparing documents needs someone (POST /api/v1/diff is 401 anonymous): so does check_document.
      const refused = await call(client, "check_document", { service: "payments-api", document: "openapi: 3.0.3" });
      expect(refused).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/^HTTP 401/) }] });
      // Who declared a consumption is a person's address: hidden from anonymous readers over REST, and here.
      const consumers = json(await call(client, "list_consumers", { service: "payments-api" }));
      expect(consumers).toEqual(await (await fetch(`${server.url}/api/v1/services/payments-api/consumers?pageSize=500`)).json());
      expect(JSON.stringify(consumers)).not.toMatch(/@[a-z]+\.(test|example)/);
    } finally {
      await client.close();
    }
    const badToken = await fetch(`${server.url}/mcp`, {
      method: "POST",
      headers: { Authorization: "Bearer wf_not_a_token", "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(badToken.status).toBe(401);
  }, 60_000);

  it("throttles each caller: past the minute's budget, 429 with Retry-After", async () => {
    // A caller of its own, whose budget nothing else has spent.
    const fresh = await createToken(server.url, "admin@mcp.test", "payments", "payments-api");
    const list = () =>
      fetch(`${server.url}/mcp`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", Authorization: `Bearer ${fresh}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
    // The budget is counted in minute windows: the first 429 comes after the whole budget, or after up to two
    // budgets when the requests straddle the turn of a minute; never sooner.
    const statuses: number[] = [];
    for (let i = 0; i < 2 * MCP_REQUESTS.max + 10 && !statuses.includes(429); i += 1) statuses.push((await list()).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(MCP_REQUESTS.max);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(2 * MCP_REQUESTS.max);
    const refused = await list();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  }, 120_000);

  it("`wayfinder mcp` serves the same tools on stdio", async () => {
    const client = new Client({ name: "wayfinder-test", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [path.resolve("bin/wayfinder.mjs"), "mcp"],
        env: { PATH: process.env.PATH ?? "", WAYFINDER_URL: server.url, NODE_ENV: "production" },
        stderr: "pipe",
      }),
    );
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name).sort()).toEqual([...WAYFINDER_MCP_TOOLS].sort());
      const versions = json(await call(client, "list_versions", { service: "payments-api" }));
      expect(versions).toEqual(await (await fetch(`${server.url}/api/v1/services/payments-api/versions`)).json());
    } finally {
      await client.close();
    }
  }, 60_000);

  it("/llms.txt follows llmstxt.org's structure and every link in it answers Markdown", async () => {
    const response = await fetch(`${server.url}/llms.txt`);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await response.text();
    const lines = text.split("\n");
    expect(lines[0]).toBe("# Wayfinder");
    expect(lines.find((line) => line.trim())).toBe(lines[0]);
    expect(lines[2]).toMatch(/^> \S/);
    // After the summary: paragraphs, then H2 sections whose entries are `- [name](url)` with optional notes; no other headings.
    const firstSection = lines.findIndex((line) => line.startsWith("## "));
    expect(lines.slice(0, firstSection).some((line) => /^#{2,}/.test(line))).toBe(false);
    const entries = lines.slice(firstSection).filter((line) => line.trim() && !line.startsWith("## "));
    for (const entry of entries) expect(entry).toMatch(/^- \[[^\]]+\]\((https?:\/\/[^)\s]+)\)(: .+)?$/);
    expect(lines.filter((line) => line.startsWith("## "))).toEqual([
      "## Services",
      "## Patterns",
      "## Decisions (ADRs)",
      "## Onboarding",
      "## Guides",
      "## Optional",
    ]);
    const links = entries.map((entry) => /\]\(([^)]+)\)/.exec(entry)![1]!);
    expect(links.some((link) => link.endsWith("/services/payments-api.md"))).toBe(true);
    for (const link of links.filter((href) => href.endsWith(".md"))) {
      const page = await fetch(new URL(new URL(link).pathname + new URL(link).search, server.url));
      expect(page.status, link).toBe(200);
      expect(page.headers.get("content-type"), link).toBe("text/markdown; charset=utf-8");
      expect(await page.text(), link).toMatch(/^# \S/);
    }
  }, 120_000);

  it("serves a service, each of its operations and each doc as Markdown, by .md or ?format=md", async () => {
    const service = await (await fetch(`${server.url}/services/payments-api.md`)).text();
    expect(service).toMatch(/^# Payments API\n/);
    expect(service).toContain("## HTTP API 1.1.0");
    const operationLink = /\[GET \/payments\/\{paymentId\}\]\(([^)]+)\)/.exec(service)?.[1];
    expect(operationLink).toBeDefined();
    const operation = await fetch(new URL(new URL(operationLink!).pathname + new URL(operationLink!).search, server.url));
    expect(operation.status).toBe(200);
    const markdown = await operation.text();
    expect(markdown).toMatch(/^# GET \/payments\/\{paymentId\}\n/);
    expect(markdown).toContain("operationId `getPayment`");
    expect(markdown).toContain("## Contract");
    expect(await (await fetch(`${server.url}/services/payments-api?format=md`)).text()).toBe(service);
    const doc = await fetch(`${server.url}/docs/patterns/pagination?format=md`);
    expect(doc.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await doc.text()).toBe(await (await fetch(`${server.url}/docs/patterns/pagination.md`)).text());
    expect((await fetch(`${server.url}/services/no-such-service.md`)).status).toBe(404);
    // A service with an event API lists what it sends and receives.
    const orders = await (await fetch(`${server.url}/services/orders-api.md`)).text();
    expect(orders).toContain("## Event API");
    expect(orders).toMatch(/^- Sends on orders\.placed \(sendOrderPlaced\)/m);
    // The HTML page itself is unchanged.
    expect((await fetch(`${server.url}/services/payments-api`)).headers.get("content-type")).toMatch(/^text\/html/);
  }, 60_000);

  it("/.well-known/api-catalog is an RFC 9264 linkset with RFC 9727's profile, and every contract it names is served", async () => {
    const head = await fetch(`${server.url}/.well-known/api-catalog`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("link")).toMatch(/<[^>]+\/\.well-known\/api-catalog>; rel="api-catalog"/);
    const response = await fetch(`${server.url}/.well-known/api-catalog`);
    expect(response.headers.get("content-type")).toBe('application/linkset+json; profile="https://www.rfc-editor.org/info/rfc9727"');
    // RFC 9264 §4.2: a "linkset" array of link context objects: an "anchor", and relation types each with an array of target objects.
    const target = z.object({ href: z.url(), type: z.string().optional(), title: z.string().optional() }).strict();
    const context = z.object({ anchor: z.url() }).catchall(z.array(target).min(1));
    const linkset = z
      .object({ linkset: z.array(context).min(1) })
      .strict()
      .parse(await response.json());
    const [catalog, ...apis] = linkset.linkset;
    expect(catalog!.anchor).toMatch(/\/\.well-known\/api-catalog$/);
    expect(catalog!.profile).toEqual([{ href: "https://www.rfc-editor.org/info/rfc9727" }]);
    expect((catalog!.item as { href: string }[]).map((item) => item.href)).toEqual(apis.map((api) => api.anchor));
    expect(apis.length).toBeGreaterThan(10);
    // The demo's orders-api has both contracts: each is an API of its own.
    expect(apis.map((api) => new URL(api.anchor).pathname + new URL(api.anchor).hash)).toEqual(
      expect.arrayContaining(["/services/orders-api#http-api", "/services/orders-api#event-api"]),
    );
    for (const api of apis) {
      const [description] = api["service-desc"] as { href: string }[];
      const contract = (await (await fetch(new URL(new URL(description!.href).pathname, server.url))).json()) as Record<string, unknown>;
      expect("openapi" in contract || "swagger" in contract || "asyncapi" in contract, description!.href).toBe(true);
    }
  }, 120_000);
});

describe("the MCP server of a portal that needs sign-in", () => {
  let server: PortalServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-mcp-signin-");
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@mcp.test", WAYFINDER_DEMO: "true", WAYFINDER_REQUIRE_SIGNIN: "true" });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses anonymous callers as REST does, and serves a token's holder", async () => {
    await expect(connect(server.url)).rejects.toThrow(/401|Sign in/);
    expect((await fetch(`${server.url}/llms.txt`)).status).toBe(401);
    expect((await fetch(`${server.url}/.well-known/api-catalog`)).status).toBe(401);
    expect((await fetch(`${server.url}/services/payments-api.md`)).status).toBe(401);
    const token = await createToken(server.url, "admin@mcp.test", "payments", "payments-api");
    const client = await connect(server.url, token);
    try {
      expect(json(await call(client, "list_versions", { service: "payments-api" }))).toMatchObject({ items: expect.any(Array) });
    } finally {
      await client.close();
    }
  }, 120_000);
});
