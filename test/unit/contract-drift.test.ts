/**
 * Wayfinder's contract (/api/v1/openapi.json) is generated from contract/operations.ts, and every
 * route under app/api/v1 is bound to its operation with `defineRoute`, which parses and enforces
 * what the operation declares. These tests load the route modules and fail when a route file exports
 * a handler that is not bound to the operation of its own method and path (or not bound at all),
 * when an operation has no route, and when the generated request schemas and the enforced zod
 * schemas disagree on a body.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { operations, type Operation } from "@/lib/api/contract/operations";
import { requestContractErrors } from "../support/contract";

const base = path.resolve("app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Route modules as { "POST /services/{slug}/transfer": module }, the catch-all excepted. */
async function routeModules(): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && !dir.includes("[...")) files.push(full);
    }
  };
  walk(base);
  for (const file of files) {
    const route = `/${path.relative(base, path.dirname(file))}`.replace(/\[(\w+)\]/g, "{$1}");
    const exported = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) if (exported[method]) found.set(`${method} ${route}`, exported[method]);
  }
  return found;
}

const declared = Object.entries(operations) as [string, Operation][];
const routes = routeModules();

it("declares exactly the routes that exist, by method and path", async () => {
  expect(declared.map(([, operation]) => `${operation.method.toUpperCase()} ${operation.path}`).sort()).toEqual([...(await routes).keys()].sort());
});

it("binds every route to the operation of its own method and path with defineRoute", async () => {
  const byRoute = new Map(declared.map(([id, operation]) => [`${operation.method.toUpperCase()} ${operation.path}`, { id, operation }]));
  for (const [route, handler] of await routes) {
    const bound = (handler as { operation?: Operation }).operation;
    expect(bound, `${route} is not bound with defineRoute`).toBeDefined();
    expect(bound === byRoute.get(route)?.operation, `${route} is bound to ${bound?.method} ${bound?.path}, not to operations.${byRoute.get(route)?.id}`).toBe(
      true,
    );
  }
});

// Bodies a demanding caller would try, per operation: each must get the same verdict from the
// document's JSON Schema as from the zod schema the handler enforces.
const service = { slug: "new-api", name: "New API", primaryOwner: "payments" };
// Both template routes take the same body (team and values).
const templateBodies = [
  { team: "payments" },
  { team: "payments", values: { name: "orders-api", list: true, limit: 20 } },
  { team: "Not A Slug", values: {} },
  { values: {} },
  { team: "payments", values: { name: ["a"] } },
  { team: "payments", values: { name: null } },
  { team: "payments", values: {}, extra: 1 },
];
const edgeCases: Record<string, unknown[]> = {
  createService: [
    service,
    { ...service, tier: 2 },
    { ...service, tier: "2" },
    { ...service, tier: 2.5 },
    { ...service, tier: 0 },
    { ...service, name: "   " },
    { ...service, name: "  Padded  " },
    { ...service, name: "x".repeat(101) },
    { ...service, description: "x".repeat(5001) },
    { ...service, tags: ["public", "pci"] },
    { ...service, tags: ["Public"] },
    { ...service, tags: ["x".repeat(41)] },
    { ...service, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
    { ...service, links: [{ kind: "runbook", label: "Runbook", url: "https://runbooks.example.com/x" }] },
    { ...service, links: [{ kind: "runbook", label: "Runbook", url: "javascript:alert(1)" }] },
    { ...service, links: [{ kind: "wiki", label: "Wiki", url: "https://wiki.example.com" }] },
    { ...service, links: [{ kind: "docs", label: "  ", url: "https://docs.example.com" }] },
    { ...service, repositoryUrl: "https://git.example.com/new-api" },
    { ...service, repositoryUrl: "ftp://git.example.com/new-api" },
    { ...service, repositoryUrl: "not a url" },
    { ...service, documentUrl: "https://specs.example.com/api.yaml" },
    { ...service, documentUrl: "https://user:secret@specs.example.com/api.yaml" },
    { ...service, documentUrl: "file:///etc/passwd" },
    { ...service, slug: "A" },
    { ...service, slug: "Not-A-Slug" },
    { ...service, slug: " new-api" },
    { ...service, otherOwners: Array.from({ length: 11 }, (_, i) => `team-${i}`) },
    { ...service, lifecycle: "sunset" },
    { name: "No slug" },
  ],
  updateService: [
    { breakingChangePolicy: "block" },
    { breakingChangePolicy: "block-if-consumed" },
    { breakingChangePolicy: "block_if_consumed" },
    { breakingChangePolicy: "never" },
    { description: "changed" },
    { slug: "renamed" },
    { tier: 7 },
    { tier: "3" },
    { unknown: true },
    { lifecycle: "retired" },
    { repositoryUrl: null },
    { links: [{ kind: "chat", label: "x", url: "javascript:void(0)" }] },
  ],
  transferService: [
    { primaryOwner: "core" },
    { primaryOwner: "core", keepPreviousOwner: false },
    { primaryOwner: "core", keepPreviousOwner: "yes" },
    { primaryOwner: "Core" },
    {},
    { primaryOwner: "core", extra: 1 },
  ],
  setServiceSource: [
    { url: "https://specs.example.com/a.yaml" },
    { url: "https://specs.example.com/a.yaml", pollIntervalMinutes: 60 },
    { url: "https://specs.example.com/a.yaml", pollIntervalMinutes: "60" },
    { url: "https://specs.example.com/a.yaml", pollIntervalMinutes: 0 },
    { url: "https://a:b@specs.example.com/a.yaml" },
    { url: "gopher://specs.example.com" },
    {},
  ],
  createTeam: [
    { slug: "rocket", name: "Rocket" },
    { slug: "rocket", name: "Rocket", email: "rocket@example.com", chatChannel: "#rocket" },
    { slug: "rocket", name: "Rocket", email: "not-an-email" },
    { slug: "rocket", name: "" },
    { slug: "rocket", name: "Rocket", chatChannel: "x".repeat(101) },
    { slug: "rocket", name: "Rocket", onCallUrl: "https://rota.example.com/rocket" },
    { slug: "rocket", name: "Rocket", onCallUrl: "javascript:alert(1)" },
  ],
  createTeamWebhook: [
    { url: "https://hooks.example.com/wayfinder", events: ["version.published"] },
    { url: "https://hooks.example.com/wayfinder", events: ["change.breaking", "lint.failed"], format: "slack", service: "orders-api", description: "CI" },
    { url: "https://hooks.example.com/wayfinder", events: [] },
    { url: "https://hooks.example.com/wayfinder", events: ["version.deleted"] },
    { url: "https://user:secret@hooks.example.com/", events: ["version.published"] },
    { url: "javascript:alert(1)", events: ["version.published"] },
    { url: "https://hooks.example.com/wayfinder", events: ["version.published"], team: "payments" },
    { url: "https://hooks.example.com/wayfinder", events: ["version.published"], format: "xml" },
    { url: "https://hooks.example.com/wayfinder", events: ["change.breaking"], includeConsumed: true },
    { url: "https://hooks.example.com/wayfinder", events: ["change.breaking"], includeConsumed: "yes" },
    {},
  ],
  createWebhook: [
    { url: "https://hooks.example.com/all", events: ["scorecard.level_changed"] },
    {
      url: "https://hooks.example.com/all",
      events: [
        "version.published",
        "version.published",
        "lint.failed",
        "change.breaking",
        "service.deprecated",
        "service.sunset_approaching",
        "ownership.changed",
        "scorecard.level_changed",
      ],
    },
  ],
  updateTeam: [{ description: "d" }, { name: "   " }, { email: null }, { slug: "other" }, { onCallUrl: null }, { onCallUrl: "ftp://rota.example.com" }],
  setTeamMember: [
    { email: "ada@example.com" },
    { email: "ADA@example.com", role: "maintainer" },
    { email: "ada@example.com", role: "owner" },
    { email: "ada" },
    {},
  ],
  createTeamToken: [
    { name: "ci" },
    { name: "ci", service: "payments-api", expiresInDays: 30 },
    { name: "ci", expiresInDays: null },
    { name: "ci", expiresInDays: "30" },
    { name: "ci", expiresInDays: 366 },
    { name: "" },
    { name: "ci", service: "Bad Slug" },
  ],
  createServiceFromTemplate: templateBodies,
  downloadTemplateProject: templateBodies,
  importBackstage: [
    { yaml: "kind: Group" },
    { yaml: "" },
    {},
    { url: "https://git.example.com/catalog-info.yaml" },
    { url: "ftp://x" },
    { yaml: "a", url: "https://x.example" },
  ],
  diffDocuments: [
    { base: { openapi: "3.0.3" }, revision: "openapi: 3.1.0" },
    { base: "", revision: "x" },
    { base: {} },
    { base: 1, revision: 2 },
    { base: {}, revision: {}, extra: true },
    { base: {}, revision: {}, strict: true },
    { base: {}, revision: {}, strict: "yes" },
    { base: {}, revision: {}, service: "payments-api" },
    { base: {}, revision: {}, service: "Payments API" },
  ],
  declareConsumption: [
    {},
    { versions: "^1" },
    { versions: ">=2 <4", operations: ["createPayment", "GET /payments/{id}"], fields: ["amount"] },
    { versions: "not a range" },
    { operations: ["FETCH /payments"] },
    { operations: ["has spaces but no method"] },
    { operations: Array.from({ length: 501 }, (_, i) => `op${i}`) },
    { fields: [""] },
    { versions: "*", extra: true },
  ],
  recordVerifyRun: [
    {
      version: "1.0.0",
      exchanges: 3,
      mismatched: 1,
      findings: [{ operation: "GET /items", kind: "body", pointer: "/price", rule: "type", message: "`price` is a string" }],
    },
    { version: "1.0.0", exchanges: 0, mismatched: 0, findings: [] },
    { version: "", exchanges: 1, mismatched: 0, findings: [] },
    { version: "1", exchanges: -1, mismatched: 0, findings: [] },
    { version: "1", exchanges: 1, mismatched: 0, findings: [{ operation: "GET /x", kind: "teapot", pointer: "", rule: "r", message: "m" }] },
    { version: "1", exchanges: 1, mismatched: 0, findings: [{ operation: "GET /x", kind: "body", pointer: "", rule: "r", message: "m", count: 0 }] },
    { version: "1", exchanges: 1, mismatched: 0 },
    { version: "1", exchanges: 1, mismatched: 0, findings: [], extra: true },
  ],
  recordEndpointSightings: [
    { source: "check", operations: ["GET /items/{id}/reviews"] },
    { source: "new-endpoint", operations: ["post /items"] },
    { source: "check", operations: [] },
    { source: "lint", operations: ["GET /x"] },
    { source: "check", operations: ["GET"] },
    { source: "check", operations: Array.from({ length: 5001 }, (_, i) => `GET /x${i}`) },
    { operations: ["GET /x"] },
    { source: "check", operations: ["GET /x"], extra: true },
  ],
  replaceConsumptions: [
    { consumes: [] },
    { service: "storefront", consumes: [{ api: "payments-api", versions: "^1", operations: ["createPayment"] }, { api: "catalog-api" }] },
    { consumes: [{ api: "payments-api" }, { api: "payments-api" }] },
    { consumes: [{ api: "Payments" }] },
    { consumes: [{ versions: "^1" }] },
    { consumes: "payments-api" },
    {},
  ],
  approveChange: [
    { ruleId: "endpoint-removed", target: "GET /pets", pointer: "/paths/~1pets/get", reason: "moved to /animals" },
    { ruleId: "endpoint-removed", target: "GET /pets", pointer: "", reason: "x", expiresAt: "2027-01-01T00:00:00Z" },
    { ruleId: "endpoint-removed", target: "GET /pets", pointer: "/p", reason: "x", expiresAt: "next week" },
    { ruleId: "Endpoint Removed", target: "GET /pets", pointer: "/p", reason: "x" },
    { ruleId: "endpoint-removed", target: "   ", pointer: "/p", reason: "x" },
    { ruleId: "endpoint-removed", target: "GET /pets", pointer: "/p", reason: "" },
    { ruleId: "endpoint-removed", target: "GET /pets", pointer: "/p", reason: "x".repeat(501) },
    { ruleId: "endpoint-removed", target: "GET /pets", reason: "x" },
    { ruleId: "endpoint-removed", target: "GET /pets", pointer: "/p", reason: "x", extra: 1 },
  ],
  createWaiver: [
    { team: "payments", ruleId: "request-parameter-removed", pathPattern: "/legacy/**", reason: "migration", expiresAt: "2027-06-30T00:00:00Z" },
    { ruleId: "endpoint-removed", pathPattern: "/v1/*", reason: "x", expiresAt: "2027-06-30T00:00:00+02:00" },
    { team: "Payments", ruleId: "endpoint-removed", pathPattern: "/x", reason: "x", expiresAt: "2027-06-30T00:00:00Z" },
    { ruleId: "endpoint-removed", pathPattern: "legacy/**", reason: "x", expiresAt: "2027-06-30T00:00:00Z" },
    { ruleId: "endpoint-removed", pathPattern: "/a b", reason: "x", expiresAt: "2027-06-30T00:00:00Z" },
    { ruleId: "endpoint-removed", pathPattern: "/x", reason: "x" },
    { ruleId: "endpoint-removed", pathPattern: "/x", reason: " ", expiresAt: "2027-06-30T00:00:00Z" },
  ],
};

describe("request bodies: the document and the enforced schema agree", () => {
  it("has edge cases for every operation with a JSON body", () => {
    expect(Object.keys(edgeCases).sort()).toEqual(
      declared
        .filter(([, operation]) => operation.body)
        .map(([id]) => id)
        .sort(),
    );
  });

  for (const [id, cases] of Object.entries(edgeCases)) {
    const operation = operations[id as keyof typeof operations] as Operation & { body: z.ZodType };
    it.each(cases.map((body) => ({ body, label: JSON.stringify(body).slice(0, 90) })))(`${id}: $label`, ({ body }) => {
      const enforced = operation.body.safeParse(body).success;
      const documented = requestContractErrors(operation.path, operation.method, body).length === 0;
      expect(documented, `the document ${documented ? "accepts" : "refuses"} it, the server ${enforced ? "accepts" : "refuses"} it`).toBe(enforced);
    });
  }
});
