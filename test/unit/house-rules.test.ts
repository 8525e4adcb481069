import { describe, expect, it } from "vitest";
import { houseRules } from "@/lib/lint/house-plugin";
import { lintDocument, operationAt } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";

type Json = Record<string, unknown>;

/** A small valid OpenAPI 3.0 document with one path, to which each case adds what it tests. */
function document(paths: Json, components: Json = {}): string {
  return JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1.0.0" }, paths, components });
}

/** Findings of one house rule alone (the ruleset enables only it). */
async function findings(rule: string, text: string) {
  const ruleset = await loadRuleset(`rules:\n  house/${rule}: error\n`);
  const result = await lintDocument(text, ruleset);
  expect(Object.keys(result.byRule).filter((id) => id !== `house/${rule}`)).toEqual([]);
  return result.findings;
}

const ok = { description: "OK" };
const problem = { description: "Problem", content: { "application/problem+json": { schema: { type: "object" } } } };
const listOf = {
  description: "A page",
  content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { type: "string" } } } } } },
};
const header = (name: string) => ({ name, in: "header", schema: { type: "string" } });
const query = (name: string) => ({ name, in: "query", schema: { type: "string" } });
const body = { content: { "application/json": { schema: { type: "object" } } } };

const cases: Record<string, { fails: string; passes: string; message: RegExp }> = {
  "problem-details": {
    fails: document({ "/a": { get: { responses: { 200: ok, 404: { description: "No", content: { "application/json": { schema: { type: "object" } } } } } } } }),
    passes: document({ "/a": { get: { responses: { 200: ok, 404: problem } } } }),
    message: /Error response `404` is application\/json/,
  },
  "validation-errors": {
    fails: document({ "/a": { post: { requestBody: body, responses: { 200: ok } } } }),
    passes: document({ "/a": { post: { requestBody: body, responses: { 200: ok, 422: problem } } } }),
    message: /no `422` response/,
  },
  "cursor-pagination": {
    fails: document({ "/a": { get: { parameters: [query("page"), query("limit")], responses: { 200: listOf } } } }),
    passes: document({ "/a": { get: { parameters: [query("cursor"), query("limit")], responses: { 200: listOf } } } }),
    message: /Pages by `page`/,
  },
  "idempotency-key": {
    fails: document({ "/a": { post: { responses: { 201: ok } } } }),
    passes: document({ "/a": { parameters: [header("Idempotency-Key")], post: { responses: { 201: ok } } } }),
    message: /no `Idempotency-Key` header/,
  },
  "sunset-on-deprecated": {
    fails: document({ "/a": { get: { deprecated: true, responses: { 200: ok } } } }),
    passes: document({ "/a": { get: { deprecated: true, responses: { 200: { description: "OK", headers: { Sunset: { schema: { type: "string" } } } } } } } }),
    message: /Deprecated without a date/,
  },
  "bearer-auth": {
    fails: document({ "/a": { get: { responses: { 200: ok } } } }, { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } }),
    passes: document({ "/a": { get: { responses: { 200: ok } } } }, { securitySchemes: { jwt: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } }),
    message: /no HTTP bearer/,
  },
  "async-location": {
    fails: document({ "/a": { post: { responses: { 202: { description: "Accepted" } } } } }),
    passes: document({ "/a": { post: { responses: { 202: { description: "Accepted", headers: { Location: { schema: { type: "string" } } } } } } } }),
    message: /without a `Location` header/,
  },
};

describe("house rules", () => {
  it("has a case here for every rule, and every rule links to a pattern of the library", () => {
    expect(houseRules.map((rule) => rule.name).sort()).toEqual(Object.keys(cases).sort());
    for (const rule of houseRules) expect(rule.pattern).toMatch(/^\/docs\/patterns\/[a-z-]+$/);
  });

  for (const [rule, { fails, passes, message }] of Object.entries(cases)) {
    it(`${rule}: finds what breaks it, with the pattern's link, and passes what follows it`, async () => {
      const found = await findings(rule, fails);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ ruleId: `house/${rule}`, severity: "error", link: houseRules.find((r) => r.name === rule)!.pattern });
      expect(found[0]!.message).toMatch(message);
      expect(await findings(rule, passes)).toEqual([]);
    });
  }

  it("holds webhooks (calls the API makes) to no request rule", async () => {
    const webhook = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "T", version: "1.0.0" },
      webhooks: { orderShipped: { post: { requestBody: body, responses: { 202: ok } } } },
    });
    expect(await findings("validation-errors", webhook)).toEqual([]);
    expect(await findings("idempotency-key", webhook)).toEqual([]);
  });

  it("places each finding in its operation by its JSON pointer", async () => {
    const found = await findings("validation-errors", document({ "/orders/{id}": { post: { requestBody: body, responses: { 200: ok } } } }));
    expect(found[0]).toMatchObject({ pointer: "/paths/~1orders~1{id}/post/responses", operation: { method: "post", path: "/orders/{id}" } });
    expect(operationAt("/components/schemas/Order")).toBeNull();
    expect(operationAt("/paths/~1a/parameters/0")).toBeNull();
  });

  it("reads the repository's ruleset: every house rule is in it, and built-in rules link to Redocly's docs", async () => {
    const ruleset = await loadRuleset();
    const result = await lintDocument(document({ "/a": { get: { responses: { 200: ok } } } }), ruleset);
    expect(result.findings.find((finding) => finding.ruleId === "operation-operationId")).toMatchObject({
      severity: "error",
      link: expect.stringMatching(/^https:\/\/redocly\.com\/docs\/cli\/rules\//),
      operation: { method: "get", path: "/a" },
    });
    const text = (await import("node:fs")).readFileSync("governance/lint.yaml", "utf8");
    for (const rule of houseRules) expect(text).toContain(`house/${rule.name}:`);
  });
});
