/**
 * Every mutating REST route, called over HTTP by eight kinds of caller against a running portal.
 * Each cell gets fresh data, and a refused call must leave that data exactly as it was. The test
 * fails when a mutating route (or a server action) exists that the matrix does not list.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, undeclaredStatuses, type PortalServer } from "../support/portal-server";
import { signInLocally } from "../support/sign-in";
import { migratedDataDir } from "../support/test-databases";

const ACTORS = [
  "anonymous",
  "non-member",
  "member",
  "maintainer of another team",
  "maintainer of an owning team",
  "admin",
  "token for another service",
  "token for this service",
] as const;
type ActorName = (typeof ACTORS)[number];
type Credentials = Record<string, string>;

/** Fresh things a cell acts on, created by the admin just before it. */
interface Cell {
  service: string;
  memberEmail: string;
  tokenId: string;
  /** For the webhook routes only: a subscription of "owners", and a delivery of its test event. */
  webhookId: string;
  deliveryId: string;
  /** For the approval and waiver routes only: an approval of the cell's service, a waiver of "owners". */
  approvalId: string;
  waiverId: string;
}

interface Route {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route's folder under app/api/v1, to match against the files. */
  route: string;
  path(cell: Cell): string;
  body?(cell: Cell): unknown;
  /** The state this call would change, read back to prove a refusal changed nothing. */
  state(cell: Cell): string[];
  expected: Record<ActorName, number>;
}

// Outcomes by rule (lib/auth/permissions.ts): service changes are for the owning team's maintainers,
// tokens in scope and admins; team management for its maintainers and admins; teams and imports for admins.
const serviceChange = {
  anonymous: 401,
  "non-member": 403,
  member: 403,
  "maintainer of another team": 403,
  "maintainer of an owning team": 200,
  admin: 200,
  "token for another service": 403,
  "token for this service": 200,
};
const teamChange = (ok: number) => ({
  anonymous: 401,
  "non-member": 403,
  member: 403,
  "maintainer of another team": 403,
  "maintainer of an owning team": ok,
  admin: ok,
  "token for another service": 403,
  "token for this service": 403,
});
const adminOnly = (ok: number) => ({
  anonymous: 401,
  "non-member": 403,
  member: 403,
  "maintainer of another team": 403,
  "maintainer of an owning team": 403,
  admin: ok,
  "token for another service": 403,
  "token for this service": 403,
});

// Registering a service (directly or from a template): people of the team, members too, team-wide
// tokens and admins; tokens scoped to one service may not register others.
const registering = (ok: number) => ({
  anonymous: 401,
  "non-member": 403,
  member: ok,
  "maintainer of another team": 403,
  "maintainer of an owning team": ok,
  admin: ok,
  "token for another service": 403,
  "token for this service": 403,
});

let counter = 0;
const approval = { ruleId: "endpoint-removed", target: "GET /gone", pointer: "/paths/~1gone/get", reason: "clients moved to /new" };
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();
// Approving breaking changes: as accepting them at publish (maintainers, admins, tokens of an owning team).
const approvalChange = (ok: number) => ({ ...serviceChange, "maintainer of an owning team": ok, admin: ok, "token for this service": ok });

/** One's own preferences (onboarding progress, watched services): every person keeps theirs; tokens are nobody's. */
const personal = {
  anonymous: 401,
  "non-member": 204,
  member: 204,
  "maintainer of another team": 204,
  "maintainer of an owning team": 204,
  admin: 204,
  "token for another service": 403,
  "token for this service": 403,
};

const ROUTES: Route[] = [
  // What a service consumes is declared by those who may edit it (the consumer's side).
  {
    method: "PUT",
    route: "services/[slug]/dependencies/[provider]",
    path: (cell) => `/api/v1/services/${cell.service}/dependencies/elsewhere-svc`,
    body: () => ({ versions: "^1" }),
    state: (cell) => [`/api/v1/services/${cell.service}/dependencies`, "/api/v1/services/elsewhere-svc/consumers"],
    expected: serviceChange,
  },
  {
    method: "DELETE",
    route: "services/[slug]/dependencies/[provider]",
    path: (cell) => `/api/v1/services/${cell.service}/dependencies/elsewhere-svc`,
    state: (cell) => [`/api/v1/services/${cell.service}/dependencies`],
    expected: serviceChange,
  },
  {
    method: "PUT",
    route: "services/[slug]/dependencies",
    path: (cell) => `/api/v1/services/${cell.service}/dependencies`,
    body: () => ({ consumes: [{ api: "elsewhere-svc" }] }),
    state: (cell) => [`/api/v1/services/${cell.service}/dependencies`],
    expected: serviceChange,
  },
  // Conformance (verify runs from CI, traffic logs) is recorded by those who may edit the service.
  {
    method: "POST",
    route: "services/[slug]/conformance",
    path: (cell) => `/api/v1/services/${cell.service}/conformance`,
    body: () => ({
      version: "1.0.0",
      exchanges: 1,
      mismatched: 1,
      findings: [{ operation: "GET /things", kind: "body", pointer: "/id", rule: "type", message: "`id` is an integer, the contract says it must be string" }],
    }),
    state: (cell) => [`/api/v1/services/${cell.service}/conformance`],
    expected: { ...serviceChange, "maintainer of an owning team": 201, admin: 201, "token for this service": 201 },
  },
  {
    method: "POST",
    route: "services/[slug]/traffic",
    path: (cell) => `/api/v1/services/${cell.service}/traffic`,
    // Sent as application/json: a HAR file.
    body: () => ({ log: { entries: [{ request: { method: "GET", url: "/things" }, response: { status: 404, headers: [], content: {} } }] } }),
    state: (cell) => [`/api/v1/services/${cell.service}/conformance`],
    expected: serviceChange,
  },
  // New endpoints seen in CI (time to a new endpoint) are recorded by those who may edit the service; audited, so its history shows them.
  {
    method: "POST",
    route: "services/[slug]/endpoint-sightings",
    path: (cell) => `/api/v1/services/${cell.service}/endpoint-sightings`,
    body: () => ({ source: "check", operations: ["GET /things/{id}"] }),
    state: (cell) => [`/api/v1/services/${cell.service}/history`],
    expected: serviceChange,
  },
  // Watching is one's own preference, as onboarding progress is.
  { method: "PUT", route: "me/watches/[slug]", path: (cell) => `/api/v1/me/watches/${cell.service}`, state: () => [], expected: personal },
  { method: "DELETE", route: "me/watches/[slug]", path: (cell) => `/api/v1/me/watches/${cell.service}`, state: () => [], expected: personal },
  {
    method: "POST",
    route: "services/[slug]/approvals",
    path: (cell) => `/api/v1/services/${cell.service}/approvals`,
    body: () => approval,
    state: (cell) => [`/api/v1/services/${cell.service}/approvals`],
    expected: approvalChange(201),
  },
  {
    method: "DELETE",
    route: "approvals/[id]",
    path: (cell) => `/api/v1/approvals/${cell.approvalId}`,
    state: (cell) => [`/api/v1/services/${cell.service}/approvals`],
    expected: approvalChange(200),
  },
  {
    method: "POST",
    route: "waivers",
    path: () => "/api/v1/waivers",
    body: () => ({ team: "owners", ruleId: "request-parameter-removed", pathPattern: "/legacy/**", reason: "legacy API", expiresAt: inAYear() }),
    state: () => ["/api/v1/waivers"],
    expected: teamChange(201),
  },
  {
    method: "DELETE",
    route: "waivers/[id]",
    path: (cell) => `/api/v1/waivers/${cell.waiverId}`,
    state: () => ["/api/v1/waivers"],
    expected: teamChange(200),
  },
  {
    method: "POST",
    route: "services",
    path: () => "/api/v1/services",
    body: () => ({ slug: `new-svc-${++counter}`, name: "New service", primaryOwner: "owners" }),
    state: () => ["/api/v1/services?includeRetired=true&pageSize=100"],
    expected: registering(201),
  },
  {
    method: "POST",
    route: "templates/[name]/services",
    path: () => "/api/v1/templates/fastapi-service/services",
    body: () => ({ team: "owners", values: { name: `tpl-svc-${++counter}` } }),
    state: () => ["/api/v1/services?includeRetired=true&pageSize=100"],
    expected: registering(201),
  },
  {
    method: "POST",
    route: "templates/[name]/archive",
    path: () => "/api/v1/templates/typescript-service/archive",
    body: () => ({ team: "owners", values: {} }),
    state: () => [],
    expected: registering(200),
  },
  {
    method: "PATCH",
    route: "services/[slug]",
    path: (cell) => `/api/v1/services/${cell.service}`,
    body: () => ({ description: "changed" }),
    state: (cell) => [`/api/v1/services/${cell.service}`],
    expected: serviceChange,
  },
  {
    method: "POST",
    route: "services/[slug]/transfer",
    path: (cell) => `/api/v1/services/${cell.service}/transfer`,
    body: () => ({ primaryOwner: "elsewhere" }),
    state: (cell) => [`/api/v1/services/${cell.service}`],
    expected: serviceChange,
  },
  {
    method: "POST",
    route: "services/[slug]/archive",
    path: (cell) => `/api/v1/services/${cell.service}/archive`,
    state: (cell) => [`/api/v1/services/${cell.service}`],
    expected: serviceChange,
  },
  {
    method: "POST",
    route: "services/[slug]/versions",
    path: (cell) => `/api/v1/services/${cell.service}/versions`,
    body: () => ({ openapi: "3.0.3", info: { title: "Cell API", version: `1.0.${++counter}` }, paths: {} }),
    state: (cell) => [`/api/v1/services/${cell.service}/versions`],
    expected: { ...serviceChange, "maintainer of an owning team": 201, admin: 201, "token for this service": 201 },
  },
  // An event API (AsyncAPI) is published by those who may publish the HTTP one.
  {
    method: "POST",
    route: "services/[slug]/event-versions",
    path: (cell) => `/api/v1/services/${cell.service}/event-versions`,
    body: () => ({
      asyncapi: "3.0.0",
      info: { title: "Cell events", version: `1.0.${++counter}` },
      channels: { placed: { address: "orders.placed", messages: { placed: { payload: { type: "object" } } } } },
      operations: { sendPlaced: { action: "send", channel: { $ref: "#/channels/placed" }, messages: [{ $ref: "#/channels/placed/messages/placed" }] } },
    }),
    state: (cell) => [`/api/v1/services/${cell.service}/event-versions`],
    expected: { ...serviceChange, "maintainer of an owning team": 201, admin: 201, "token for this service": 201 },
  },
  {
    method: "PUT",
    route: "services/[slug]/source",
    path: (cell) => `/api/v1/services/${cell.service}/source`,
    body: () => ({ url: `https://specs.example.com/cell-${++counter}.yaml`, pollIntervalMinutes: 60 }),
    state: (cell) => [`/api/v1/services/${cell.service}/source`],
    expected: serviceChange,
  },
  {
    method: "DELETE",
    route: "services/[slug]/source",
    path: (cell) => `/api/v1/services/${cell.service}/source`,
    state: (cell) => [`/api/v1/services/${cell.service}/source`],
    expected: { ...serviceChange, "maintainer of an owning team": 204, admin: 204, "token for this service": 204 },
  },
  {
    method: "POST",
    route: "services/[slug]/source/refresh",
    path: (cell) => `/api/v1/services/${cell.service}/source/refresh`,
    state: (cell) => [`/api/v1/services/${cell.service}/source`],
    expected: serviceChange,
  },
  {
    method: "POST",
    route: "teams",
    path: () => "/api/v1/teams",
    body: () => ({ slug: `new-team-${++counter}`, name: "New team" }),
    state: () => ["/api/v1/teams"],
    expected: adminOnly(201),
  },
  {
    method: "PATCH",
    route: "teams/[slug]",
    path: () => "/api/v1/teams/owners",
    body: () => ({ description: `changed ${++counter}` }),
    state: () => ["/api/v1/teams/owners"],
    expected: teamChange(200),
  },
  {
    method: "PUT",
    route: "teams/[slug]/members",
    path: () => "/api/v1/teams/owners/members",
    body: () => ({ email: `added-${++counter}@matrix.test`, role: "member" }),
    state: () => ["/api/v1/teams/owners/members"],
    expected: teamChange(200),
  },
  {
    method: "DELETE",
    route: "teams/[slug]/members/[email]",
    path: (cell) => `/api/v1/teams/owners/members/${encodeURIComponent(cell.memberEmail)}`,
    state: () => ["/api/v1/teams/owners/members"],
    expected: teamChange(204),
  },
  {
    method: "POST",
    route: "teams/[slug]/tokens",
    path: () => "/api/v1/teams/owners/tokens",
    body: () => ({ name: `token ${++counter}` }),
    state: () => ["/api/v1/teams/owners/tokens"],
    expected: teamChange(201),
  },
  {
    method: "DELETE",
    route: "tokens/[id]",
    path: (cell) => `/api/v1/tokens/${cell.tokenId}`,
    state: () => ["/api/v1/teams/owners/tokens"],
    expected: teamChange(200),
  },
  {
    method: "POST",
    route: "teams/[slug]/webhooks",
    path: () => "/api/v1/teams/owners/webhooks",
    body: () => ({ url: `https://hooks.example.com/${++counter}`, events: ["version.published"] }),
    state: () => ["/api/v1/teams/owners/webhooks"],
    expected: teamChange(201),
  },
  {
    method: "POST",
    route: "webhooks",
    path: () => "/api/v1/webhooks",
    body: () => ({ url: `https://hooks.example.com/all-${++counter}`, events: ["change.breaking"] }),
    state: () => ["/api/v1/webhooks"],
    expected: adminOnly(201),
  },
  {
    method: "DELETE",
    route: "webhooks/[id]",
    path: (cell) => `/api/v1/webhooks/${cell.webhookId}`,
    state: () => ["/api/v1/teams/owners/webhooks"],
    expected: teamChange(204),
  },
  {
    method: "POST",
    route: "webhooks/[id]/test",
    path: (cell) => `/api/v1/webhooks/${cell.webhookId}/test`,
    state: () => ["/api/v1/teams/owners/webhooks"],
    expected: teamChange(202),
  },
  {
    method: "POST",
    route: "webhooks/deliveries/[id]/redeliver",
    path: (cell) => `/api/v1/webhooks/deliveries/${cell.deliveryId}/redeliver`,
    state: () => ["/api/v1/teams/owners/webhooks"],
    expected: teamChange(202),
  },
  {
    method: "PUT",
    route: "me/onboarding/[itemId]",
    path: () => "/api/v1/me/onboarding/open-the-catalogue",
    state: () => [],
    // One's own progress: every person may keep theirs; tokens are nobody's.
    expected: personal,
  },
  {
    method: "DELETE",
    route: "me/onboarding/[itemId]",
    path: () => "/api/v1/me/onboarding/open-the-catalogue",
    state: () => [],
    expected: personal,
  },
  {
    method: "POST",
    route: "diff",
    path: () => "/api/v1/diff",
    body: () => ({
      base: { openapi: "3.0.3", info: { title: "A", version: "1" }, paths: {} },
      revision: { openapi: "3.1.0", info: { title: "A", version: "2" }, paths: {} },
    }),
    state: () => [],
    // Stores nothing; anyone signed in, and any token, may compare documents.
    expected: {
      anonymous: 401,
      "non-member": 200,
      member: 200,
      "maintainer of another team": 200,
      "maintainer of an owning team": 200,
      admin: 200,
      "token for another service": 200,
      "token for this service": 200,
    },
  },
  {
    method: "POST",
    route: "import/backstage",
    path: () => "/api/v1/import/backstage",
    body: () => ({ yaml: `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: imported-${++counter} }\nspec: { type: team }\n` }),
    state: () => ["/api/v1/teams"],
    expected: adminOnly(200),
  },
];

/** Mutating handlers exported by route files, as "METHOD folder". The catch-all only answers 404. */
function mutatingRoutesInCode(): string[] {
  const base = path.resolve("app/api/v1");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = path.relative(base, dir);
        if (route === "[...path]") continue;
        const source = readFileSync(full, "utf8");
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
          if (new RegExp(`export (const|async function) ${method}\\b|as ${method}\\b`).test(source)) found.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(base);
  return found.sort();
}

/** Files that declare server actions: each would be a mutation endpoint of its own. */
function serverActionFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && /^\s*["']use server["']/m.test(readFileSync(full, "utf8"))) found.push(full);
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.resolve(dir));
  return found;
}

it("lists every mutating route in the matrix, and there are no unlisted server actions", () => {
  expect(mutatingRoutesInCode()).toEqual(ROUTES.map((route) => `${route.method} ${route.route}`).sort());
  expect(serverActionFiles()).toEqual([]);
});

describe("authorization matrix over HTTP", () => {
  let server: PortalServer;
  let dataDir: string;
  const credentials = {} as Record<ActorName, Credentials>;
  let admin: Credentials;
  let cellNumber = 0;

  const call = async (who: Credentials, method: string, url: string, body?: unknown) =>
    fetch(`${server.url}${url}`, {
      method,
      headers: { ...who, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const asAdmin = async (method: string, url: string, body?: unknown) => {
    const response = await call(admin, method, url, body);
    if (!response.ok) throw new Error(`setup ${method} ${url} failed: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
  };
  const signIn = async (email: string): Promise<Credentials> => ({ ...(await signInLocally(server.url, { name: email.split("@")[0]!, email })) });

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-matrix-");
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_ADMINS: "admin@matrix.test" });
    admin = await signIn("admin@matrix.test");
    await asAdmin("POST", "/api/v1/teams", { slug: "owners", name: "Owners" });
    await asAdmin("POST", "/api/v1/teams", { slug: "elsewhere", name: "Elsewhere" });
    await asAdmin("PUT", "/api/v1/teams/owners/members", { email: "member@matrix.test", role: "member" });
    await asAdmin("PUT", "/api/v1/teams/owners/members", { email: "maintainer@matrix.test", role: "maintainer" });
    await asAdmin("PUT", "/api/v1/teams/elsewhere/members", { email: "other-maintainer@matrix.test", role: "maintainer" });
    await asAdmin("POST", "/api/v1/services", { slug: "elsewhere-svc", name: "Elsewhere's service", primaryOwner: "elsewhere" });
    const otherToken = (await asAdmin("POST", "/api/v1/teams/elsewhere/tokens", { name: "other", service: "elsewhere-svc" }))!.token as string;

    credentials.anonymous = {};
    credentials["non-member"] = await signIn("nobody@matrix.test");
    credentials.member = await signIn("member@matrix.test");
    credentials["maintainer of another team"] = await signIn("other-maintainer@matrix.test");
    credentials["maintainer of an owning team"] = await signIn("maintainer@matrix.test");
    credentials.admin = admin;
    credentials["token for another service"] = { Authorization: `Bearer ${otherToken}` };
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Fresh data for one cell: a service owned by "owners", a member to remove, a token to revoke. */
  async function prepareCell(actor: ActorName, route?: Route): Promise<{ cell: Cell; who: Credentials }> {
    const n = ++cellNumber;
    const cell: Cell = {
      service: `cell-${n}`,
      memberEmail: `removable-${n}@matrix.test`,
      tokenId: "",
      webhookId: "",
      deliveryId: "",
      approvalId: "",
      waiverId: "",
    };
    if (route?.route === "waivers/[id]")
      cell.waiverId = (await asAdmin("POST", "/api/v1/waivers", {
        team: "owners",
        ruleId: "endpoint-removed",
        pathPattern: `/cell-${n}/**`,
        reason: "cell",
        expiresAt: inAYear(),
      }))!.id as string;
    if (route?.route.startsWith("webhooks/")) {
      // An endpoint that never answers (its host does not resolve); the delivery's record is what is redelivered.
      cell.webhookId = (await asAdmin("POST", "/api/v1/teams/owners/webhooks", { url: `https://hooks.invalid/${n}`, events: ["version.published"] }))!
        .id as string;
      await asAdmin("POST", `/api/v1/webhooks/${cell.webhookId}/test`);
      const listed = (await asAdmin("GET", "/api/v1/teams/owners/webhooks"))!.items as { id: string; deliveries: { id: string }[] }[];
      cell.deliveryId = listed.find((item) => item.id === cell.webhookId)!.deliveries[0]!.id;
    }
    await asAdmin("POST", "/api/v1/services", { slug: cell.service, name: `Cell ${n}`, description: "original", primaryOwner: "owners" });
    await asAdmin("PUT", "/api/v1/teams/owners/members", { email: cell.memberEmail, role: "member" });
    if (route?.route === "services/[slug]/dependencies/[provider]" && route.method === "DELETE")
      await asAdmin("PUT", `/api/v1/services/${cell.service}/dependencies/elsewhere-svc`, {});
    if (route?.route === "services/[slug]/conformance" || route?.route === "services/[slug]/traffic")
      await asAdmin("POST", `/api/v1/services/${cell.service}/versions`, {
        openapi: "3.0.3",
        info: { title: "Things", version: "1.0.0" },
        paths: { "/things": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } } } } },
      });
    if (route?.route === "approvals/[id]") cell.approvalId = (await asAdmin("POST", `/api/v1/services/${cell.service}/approvals`, approval))!.id as string;
    // A source whose URL the fetcher refuses at once (loopback): set, never fetched.
    await asAdmin("PUT", `/api/v1/services/${cell.service}/source`, { url: "http://127.0.0.1:9/openapi.yaml" });
    cell.tokenId = (await asAdmin("POST", "/api/v1/teams/owners/tokens", { name: `revocable ${n}` }))!.id as string;
    let who = credentials[actor];
    if (actor === "token for this service") {
      const token = (await asAdmin("POST", "/api/v1/teams/owners/tokens", { name: `this ${n}`, service: cell.service }))!.token as string;
      who = { Authorization: `Bearer ${token}` };
    }
    return { cell, who };
  }

  /** What the admin sees at the URLs a call could change, minus a token's last use, which any call records. */
  async function snapshot(urls: string[]): Promise<string> {
    const bodies = await Promise.all(urls.map(async (url) => (await call(admin, "GET", url)).text()));
    return (
      bodies
        .join("\n")
        .replace(/"lastUsedAt":(null|"[^"]*")/g, '"lastUsedAt":"…"')
        // What the background work derives as it goes (webhook attempts, scorecard levels): which
        // deliveries and services there are counts, not how far the background has got with them.
        .replace(/"(status|attempts|responseStatus|latencyMs|responseExcerpt|lastAttemptAt|failingSince|level)":("(?:[^"\\]|\\.)*"|[^,}]*)/g, '"$1":"…"')
    );
  }

  const cells = ROUTES.flatMap((route) =>
    ACTORS.map((actor) => ({ route, actor, label: `${route.method} /${route.route} as ${actor} → ${route.expected[actor]}` })),
  );

  it.each(cells)("$label", async ({ route, actor }) => {
    const { cell, who } = await prepareCell(actor, route);
    const urls = route.state(cell);
    const before = await snapshot(urls);
    const response = await call(who, route.method, route.path(cell), route.body?.(cell));
    const text = await response.text();
    expect(response.status, text).toBe(route.expected[actor]);
    if (response.status >= 400) {
      expect(JSON.parse(text)).toMatchObject({ error: { code: response.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN", message: expect.any(String) } });
      expect(await snapshot(urls)).toBe(before);
    } else if (urls.length) {
      expect(await snapshot(urls)).not.toBe(before);
    }
  });

  // Authentication and authorization come before input: a refused caller sending garbage gets the same
  // 401/403 (not a 400 describing the schema), and nothing is read or changed. One refusal depends on
  // the body itself: a maintainer of another team may register services, just not for "owners", which
  // only the body says (as for creating from a template, whose body names the team too).
  const refusalNeedsBody = (route: Route, actor: ActorName) =>
    (route.route === "services" || route.route === "waivers" || route.route.startsWith("templates/")) &&
    route.method === "POST" &&
    actor === "maintainer of another team";
  const refusedCells = cells.filter(({ route, actor }) => route.expected[actor] >= 400 && !refusalNeedsBody(route, actor));
  it.each(refusedCells)("$label, also with a malformed body", async ({ route, actor }) => {
    const { cell, who } = await prepareCell(actor, route);
    const response = await fetch(`${server.url}${route.path(cell)}`, {
      method: route.method,
      headers: { ...who, "Content-Type": "application/json" },
      body: '{"not json',
    });
    expect(response.status, await response.text()).toBe(route.expected[actor]);
  });

  // Reads: emails for those signed in (people and tokens), token details for those who manage them.
  const readExpectations: Record<ActorName, { emails: boolean; tokenDetails: boolean }> = {
    anonymous: { emails: false, tokenDetails: false },
    "non-member": { emails: true, tokenDetails: false },
    member: { emails: true, tokenDetails: false },
    "maintainer of another team": { emails: true, tokenDetails: false },
    "maintainer of an owning team": { emails: true, tokenDetails: true },
    admin: { emails: true, tokenDetails: true },
    "token for another service": { emails: true, tokenDetails: false },
    "token for this service": { emails: true, tokenDetails: false },
  };
  it.each(ACTORS.map((actor) => ({ actor, ...readExpectations[actor] })))(
    "GET members and a service's history as $actor: emails $emails, token details $tokenDetails",
    async ({ actor, emails, tokenDetails }) => {
      const { cell, who } = await prepareCell(actor);
      // A change made by a token scoped to the cell's service, so its history names a token.
      const token = (await asAdmin("POST", "/api/v1/teams/owners/tokens", { name: `history ${cell.service}`, service: cell.service }))!.token as string;
      expect((await call({ Authorization: `Bearer ${token}` }, "PATCH", `/api/v1/services/${cell.service}`, { description: "by a token" })).status).toBe(200);

      const members = (await (await call(who, "GET", "/api/v1/teams/owners/members")).json()) as { items: { email: string | null; name: string }[] };
      expect(members.items.length).toBeGreaterThan(0);
      expect(members.items.every((member) => (member.email !== null) === emails)).toBe(true);

      const history = await (await call(who, "GET", `/api/v1/services/${cell.service}/history`)).text();
      expect(history.includes(`history ${cell.service}`)).toBe(tokenDetails);
      expect(history.includes("an API token")).toBe(!tokenDetails);
      expect(history.includes("admin@matrix.test")).toBe(emails);
    },
  );

  describe("changes made with the session cookie", () => {
    const patch = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/teams/owners`, {
        method: "PATCH",
        headers: { ...admin, "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ description: `csrf ${++counter}` }),
      });

    it("need the CSRF header that only the portal's own pages send (Try it out cannot)", async () => {
      const { "x-wayfinder-csrf": _, ...cookieOnly } = admin;
      const withoutHeader = await fetch(`${server.url}/api/v1/teams/owners`, {
        method: "PATCH",
        headers: { ...cookieOnly, "Content-Type": "application/json" },
        body: JSON.stringify({ description: "no csrf" }),
      });
      expect(withoutHeader.status).toBe(403);
      expect(((await withoutHeader.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
      expect((await patch({ "x-wayfinder-csrf": "a-guess-that-is-long-enough-to-be-considered-at-all" })).status).toBe(403);
      expect((await patch({})).status).toBe(200);
    });

    it("must come from the portal's exact origin: scheme, host and port", async () => {
      const own = new URL(server.url);
      expect((await patch({ Origin: own.origin })).status).toBe(200);
      expect((await patch({ Origin: `https://${own.host}` })).status).toBe(403);
      expect((await patch({ Origin: `http://${own.hostname}:1` })).status).toBe(403);
      expect((await patch({ Origin: "null" })).status).toBe(403);
      expect((await patch({ Origin: "::not a url::" })).status).toBe(403);
      // Forwarded headers are not trusted unless WAYFINDER_TRUST_PROXY=true.
      expect((await patch({ Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" })).status).toBe(403);
    });
  });

  it("answers no status that its operation does not declare", () => {
    expect(undeclaredStatuses(server.output())).toEqual([]);
  });
});
