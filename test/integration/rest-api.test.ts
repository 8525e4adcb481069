import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { validateDocument } from "@/lib/openapi/validate-document";
import { demoServices, demoTeams } from "@/prisma/seed/demo-company";
import { contractErrors, requestContractErrors } from "../support/contract";
import { serviceInputSchema, serviceUpdateSchema } from "@/lib/services/service-input";
import { teamInputSchema } from "@/lib/teams/team-input";
import { startPortal, undeclaredStatuses, type PortalServer } from "../support/portal-server";
import { createMigratedPostgresDatabase, testDatabaseUrl, migratedDataDir } from "../support/test-databases";
import { rmSync } from "node:fs";
import { signInLocally } from "../support/sign-in";

/** Route folders under app/api/v1, as OpenAPI path templates. */
function implementedPaths(): string[] {
  const base = path.resolve("app/api/v1");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name === "route.ts") found.push(path.relative(base, dir));
    }
  };
  walk(base);
  return found
    .filter((route) => !route.includes("[..."))
    .map((route) => `/${route}`.replace(/\[(\w+)\]/g, "{$1}").replace(/\/$/, ""))
    .sort();
}

it("describes every /api/v1 route in Wayfinder's OpenAPI document, and nothing else", () => {
  expect(Object.keys(wayfinderOpenApiDocument.paths).sort()).toEqual(implementedPaths());
});

it("has a contract check that rejects a body that breaks the schema", () => {
  expect(contractErrors("/services", "get", 200, { items: [{ slug: "Not A Slug" }], total: -1, page: 1, pageSize: 1 })).not.toEqual([]);
  expect(contractErrors("/services/{slug}", "get", 404, { error: { code: "NOPE", message: "x" } })).not.toEqual([]);
});

it("declares request bodies that accept what the routes' zod schemas accept, and refuse what they refuse", () => {
  const service = {
    slug: "new-api",
    name: "New API",
    primaryOwner: "payments",
    otherOwners: ["identity"],
    tags: ["public"],
    tier: 2,
    lifecycle: "production",
    repositoryUrl: "https://git.example.com/new-api",
    links: [{ kind: "runbook", label: "Runbook", url: "https://runbooks.example.com/new-api" }],
    documentUrl: "https://specs.example.com/new-api.yaml",
  };
  expect(serviceInputSchema.safeParse(service).success).toBe(true);
  expect(requestContractErrors("/services", "post", service)).toEqual([]);
  const { slug: _slug, primaryOwner: _primary, documentUrl: _url, ...update } = service;
  expect(serviceUpdateSchema.safeParse(update).success).toBe(true);
  expect(requestContractErrors("/services/{slug}", "patch", update)).toEqual([]);
  const team = { slug: "rocket", name: "Rocket", description: "", chatChannel: "#rocket", email: "rocket@example.com" };
  expect(teamInputSchema.safeParse(team).success).toBe(true);
  expect(requestContractErrors("/teams", "post", team)).toEqual([]);
  for (const bad of [
    { ...update, slug: "renamed" },
    { ...update, tier: 7 },
  ]) {
    expect(serviceUpdateSchema.safeParse(bad).success).toBe(false);
    expect(requestContractErrors("/services/{slug}", "patch", bad)).not.toEqual([]);
  }
});

it("publishes a valid OpenAPI 3.1 document", async () => {
  expect(await validateDocument(structuredClone(wayfinderOpenApiDocument) as unknown as Record<string, unknown>)).toEqual([]);
});

const CANARY = "s3cret-canary";
/** The default catalogue view leaves retired services out. */
const listedByDefault = demoServices.filter((service) => service.lifecycle !== "retired").length;

const servers: { name: string; start(): Promise<PortalServer & { cleanup(): Promise<void> }> }[] = [
  {
    name: "pglite",
    async start() {
      const dataDir = await migratedDataDir("wayfinder-api-");
      const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir });
      return { ...server, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
  ...(testDatabaseUrl ? [postgresServer(testDatabaseUrl)] : []),
];

function postgresServer(baseUrl: string) {
  return {
    name: "postgresql",
    async start() {
      const database = await createMigratedPostgresDatabase(baseUrl);
      // Trust authentication ignores the password: it is there to prove it never reaches the logs.
      const url = new URL(database.url);
      url.password = CANARY;
      const server = await startPortal({
        DATABASE_URL: url.toString(),
        WAYFINDER_DEMO: "true",
        NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
      });
      return { ...server, cleanup: () => database.drop() };
    },
  };
}

describe.each(servers)("REST API over HTTP on $name", ({ start }) => {
  let server: PortalServer & { cleanup(): Promise<void> };
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server?.stop();
    await server?.cleanup();
  });

  async function get(pathAndQuery: string, init?: RequestInit) {
    const response = await fetch(`${server.url}${pathAndQuery}`, init);
    const text = await response.text();
    return { response, status: response.status, body: text ? (JSON.parse(text) as any) : null };
  }

  it("reports health with the database reachable", async () => {
    const { status, body } = await get("/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: { reachable: true } });
  });

  it("lists the demo catalogue as the contract says", async () => {
    const { status, body } = await get("/api/v1/services");
    expect(status).toBe(200);
    expect(contractErrors("/services", "get", 200, body)).toEqual([]);
    expect(body.total).toBe(listedByDefault);
    const all = await get("/api/v1/services?includeRetired=true");
    expect(all.body.total).toBe(demoServices.length);
    expect(body.items.map((item: { slug: string }) => item.slug)).toContain("wayfinder");
  });

  it("filters by lifecycle, team (co-owners included), tag and text, and paginates", async () => {
    const retired = await get("/api/v1/services?lifecycle=retired");
    expect(retired.body.items.map((item: { slug: string }) => item.slug)).toEqual(["warehouse-scanner-gateway"]);
    // The flag that reads like the same question gives the same answer.
    expect((await get("/api/v1/services?retired=true")).body).toEqual(retired.body);
    const payments = await get("/api/v1/services?team=payments");
    expect(payments.body.items.map((item: { slug: string }) => item.slug).sort()).toEqual(["chargeback-desk", "orders-api", "payments-api"]);
    const both = await get("/api/v1/services?lifecycle=deprecated,retired&tag=legacy");
    expect(both.body.total).toBe(3);
    const text = await get("/api/v1/services?q=jwks");
    expect(text.body.items.map((item: { slug: string }) => item.slug)).toEqual(["identity-api"]);
    const page = await get("/api/v1/services?pageSize=5&page=3");
    expect(page.body).toMatchObject({ page: 3, pageSize: 5, total: listedByDefault });
    expect(page.body.items).toHaveLength(listedByDefault - 10);
  });

  it("searches operations, services, teams and docs as the contract says", async () => {
    const { status, body } = await get("/api/v1/search?q=createPayment");
    expect(status).toBe(200);
    expect(contractErrors("/search", "get", 200, body)).toEqual([]);
    expect(body.operations[0]).toMatchObject({ operationId: "createPayment", service: { slug: "payments-api" } });
    const missing = await get("/api/v1/search?kind=service");
    expect(missing.status).toBe(400);
    expect(contractErrors("/search", "get", 400, missing.body)).toEqual([]);
    expect(missing.body.error.message).toContain("q");
  });

  it("serves one operation of a version as a document of its own, and the document's overview", async () => {
    const base = "/api/v1/services/payments-api/versions/1.1.0/operation";
    const { status, body } = await get(`${base}?method=POST&path=/payments`);
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(["/payments"]);
    expect(body.paths["/payments"].post.operationId).toBe("createPayment");
    expect(JSON.stringify(body)).not.toContain('"$ref"');
    expect(body["x-wayfinder-slice"]).toMatchObject({ of: "POST /payments" });
    const overview = await get(base);
    expect(overview.status).toBe(200);
    expect(overview.body.paths).toEqual({});
    expect(overview.body.info.title).toBe(body.info.title);
    const half = await get(`${base}?method=post`);
    expect(half.status).toBe(400);
    expect(contractErrors("/services/{slug}/versions/{version}/operation", "get", 400, half.body)).toEqual([]);
    expect(half.body.error.message).toContain("give both method and path, or neither");
    expect((await get(`${base}?method=delete&path=/nowhere`)).status).toBe(404);
  });

  it("answers a malformed filter with 400 naming the parameter", async () => {
    const { status, body } = await get("/api/v1/services?lifecycle=sunset");
    expect(status).toBe(400);
    expect(contractErrors("/services", "get", 400, body)).toEqual([]);
    // The binder answers every malformed query alike: VALIDATION_FAILED with `details.issues`.
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.issues[0].path).toBe("lifecycle.0");
    expect(body.error.message).toContain("lifecycle");
  });

  it("returns a service with owners, links and versions", async () => {
    const { status, body } = await get("/api/v1/services/orders-api");
    expect(status).toBe(200);
    expect(contractErrors("/services/{slug}", "get", 200, body)).toEqual([]);
    expect(body.owners).toEqual([
      // Who to ask: each owning team's chat channel, email and on-call page, and its maintainers
      // (names only for a reader who is not signed in).
      {
        slug: "commerce",
        name: "Commerce",
        isPrimary: true,
        chatChannel: "#team-commerce",
        email: "commerce@tidewater.example",
        onCallUrl: "https://tidewater.pagerduty.example/schedules/commerce",
        maintainers: [
          { name: "Diego Alvarez", email: null },
          { name: "Mei Tanaka", email: null },
        ],
      },
      {
        slug: "payments",
        name: "Payments",
        isPrimary: false,
        chatChannel: "#team-payments",
        email: "payments@tidewater.example",
        onCallUrl: "https://tidewater.pagerduty.example/schedules/payments",
        maintainers: [
          { name: "Amara Okafor", email: null },
          { name: "Jonas Lindqvist", email: null },
        ],
      },
    ]);
    const missing = await get("/api/v1/services/no-such-service");
    expect(missing.status).toBe(404);
    expect(contractErrors("/services/{slug}", "get", 404, missing.body)).toEqual([]);
    expect(missing.body.error).toEqual({ code: "NOT_FOUND", message: 'Service "no-such-service" was not found.' });
  });

  it("lints every published version in the background and serves the report", async () => {
    const service = await get("/api/v1/services/shipping-rates");
    const version = service.body.versions[0].version as string;
    const url = `/api/v1/services/shipping-rates/versions/${encodeURIComponent(version)}/lint`;
    // The portal's background work looks for versions to lint every few seconds.
    let report = await get(url);
    for (let attempt = 0; attempt < 120 && report.body.status === "pending"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      report = await get(url);
    }
    expect(report.status).toBe(200);
    expect(contractErrors("/services/{slug}/versions/{version}/lint", "get", 200, report.body)).toEqual([]);
    expect(report.body).toMatchObject({ status: "done", errorCount: 2, byRule: { "house/sunset-on-deprecated": 2 } });
    const missing = await get("/api/v1/services/shipping-rates/versions/0.0.0/lint");
    expect(missing.status).toBe(404);
    expect(contractErrors("/services/{slug}/versions/{version}/lint", "get", 404, missing.body)).toEqual([]);
  }, 90_000);

  it("lists versions newest first and serves each stored document with an ETag", async () => {
    const versions = await get("/api/v1/services/payments-api/versions");
    expect(contractErrors("/services/{slug}/versions", "get", 200, versions.body)).toEqual([]);
    expect(versions.body.items.map((version: { version: string }) => version.version)).toEqual(["1.1.0", "1.0.0"]);

    const document = await get("/api/v1/services/payments-api/versions/1.0.0/document");
    expect(document.status).toBe(200);
    expect(document.response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(document.response.headers.get("x-wayfinder-spec-format")).toBe("openapi-3.0");
    expect(document.body.info.version).toBe("1.0.0");
    expect(Object.keys(document.body.paths)).toHaveLength(3);

    const etag = document.response.headers.get("etag")!;
    expect(etag).toBe(`"${versions.body.items[1].contentHash}"`);
    const again = await fetch(`${server.url}/api/v1/services/payments-api/versions/1.0.0/document`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);

    const noRevision = await get("/api/v1/services/payments-api/versions/1.0.0/document?revision=9");
    expect(noRevision.status).toBe(404);
    const badRevision = await get("/api/v1/services/payments-api/versions/1.0.0/document?revision=first");
    expect(badRevision.status).toBe(400);
    expect(badRevision.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("lists teams and shows one with its services", async () => {
    const teams = await get("/api/v1/teams");
    expect(contractErrors("/teams", "get", 200, teams.body)).toEqual([]);
    expect(teams.body.items).toHaveLength(demoTeams.length);
    const team = await get("/api/v1/teams/fulfilment");
    expect(contractErrors("/teams/{slug}", "get", 200, team.body)).toEqual([]);
    expect(team.body.services.map((service: { slug: string }) => service.slug)).toEqual(["inventory-service", "shipping-rates", "warehouse-scanner-gateway"]);
  });

  it("serves its own OpenAPI document, the same one its catalogue entry holds", async () => {
    const own = await get("/api/v1/openapi.json");
    expect(own.body).toEqual(wayfinderOpenApiDocument);
    const stored = await get(`/api/v1/services/wayfinder/versions/${wayfinderOpenApiDocument.info.version}/document`);
    expect(stored.body).toEqual(own.body);
  });

  it("answers unknown API routes in the error shape", async () => {
    const { status, body } = await get("/api/v1/nothing/here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });

  it("renders the pages and 404s unknown services and teams", async () => {
    const catalogue = await fetch(`${server.url}/services?team=payments`);
    expect(catalogue.status).toBe(200);
    expect(await catalogue.text()).toContain("Payments API");
    expect((await fetch(`${server.url}/services/no-such-service`)).status).toBe(404);
    expect((await fetch(`${server.url}/teams/no-such-team`)).status).toBe(404);
    expect((await fetch(`${server.url}/`, { redirect: "manual" })).headers.get("location")).toMatch(/\/services$/);
  });

  it("puts every section of a service page in its HTML, none left for a script to show; an unknown version is a 404", async () => {
    const page = await fetch(`${server.url}/services/payments-api`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // Streamed behind a Suspense boundary, a section would arrive in a hidden element that only a script
    // moves into place: a reader without JavaScript would not see it.
    expect(html).not.toContain('<div hidden id="S:');
    const reference = html.indexOf('aria-labelledby="reference"');
    expect(reference).toBeGreaterThan(0);
    for (const section of ['aria-labelledby="house-rules"', 'aria-labelledby="dependencies"', 'aria-labelledby="history"'])
      expect(html.indexOf(section), section).toBeGreaterThan(reference);
    expect((await fetch(`${server.url}/services/payments-api?version=9.9.9`)).status).toBe(404);
  });

  it("logs one JSON line per request and never the database password", async () => {
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"));
    const events = lines.map((line) => JSON.parse(line) as { event?: string; path?: string; status?: number });
    expect(events.some((event) => event.event === "http.request" && event.path === "/api/v1/services" && event.status === 200)).toBe(true);
    expect(events.some((event) => event.event === "db.ready")).toBe(true);
    expect(server.output()).not.toContain(CANARY);
  });

  it("answers no status that its operation does not declare", () => {
    expect(undeclaredStatuses(server.output())).toEqual([]);
  });

  it("runs its pipeline threads on the JavaScript built with the app, not on TypeScript through tsx", async () => {
    // Pipeline work of its own (the server may have started on a data folder with the demo loaded, which needed none).
    const reader = await signInLocally(server.url, { name: "Reader", email: "reader@api.test" });
    const document = { openapi: "3.0.3", info: { title: "Threads", version: "1.0.0" }, paths: {} };
    const diffed = await fetch(`${server.url}/api/v1/diff`, {
      method: "POST",
      headers: { ...reader, "Content-Type": "application/json" },
      body: JSON.stringify({ base: document, revision: document }),
    });
    expect(diffed.status, await diffed.text()).toBe(200);
    const lines = server.output().split("\n");
    const started = lines.filter((line) => line.includes('"pipeline.worker_started"')).map((line) => (JSON.parse(line) as { file: string }).file);
    expect(started.length).toBeGreaterThan(0);
    expect(new Set(started)).toEqual(new Set([".next/workers/pipeline-worker.mjs"]));
    expect(lines.filter((line) => line.includes('"pipeline.threads_unavailable"'))).toEqual([]);
  });
});
