/**
 * The diff engine against a corpus of small base/revision pairs written for it: each case asserts the
 * exact set of rule ids (with their levels) the engine reports, and the not-breaking cases (a schema
 * moved into components or renamed, a path parameter renamed, descriptions edited, additions) assert
 * that nothing breaking is reported.
 */
import { describe, expect, it } from "vitest";
import { diffDocuments } from "@/lib/diff/diff-documents";
import { readFileSync } from "node:fs";
import { rules, rulesMarkdown } from "@/lib/diff/rules";

type Json = Record<string, unknown>;
const ok = {
  "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } } } },
};
const doc = (paths: Json, extra: Json = {}): Json => ({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths, ...extra });
const op = (fields: Json = {}): Json => ({ responses: ok, ...fields });
const withResponse = (schema: Json, status = "200"): Json => ({ responses: { [status]: { description: "ok", content: { "application/json": { schema } } } } });
const withBody = (schema: Json, required = true): Json => ({ requestBody: { required, content: { "application/json": { schema } } }, responses: ok });
const query = (name: string, schema: Json, required = false, extra: Json = {}): Json => ({ name, in: "query", required, schema, ...extra });
const ids = (base: Json, revision: Json, now = new Date("2026-06-01")) =>
  diffDocuments(base, revision, { now })
    .changes.map((change) => `${change.id}:${change.level}`)
    .sort();

const cases: [string, Json, Json, string[]][] = [
  // What `not` excludes cannot be classified by direction: a change inside it is not reported as a tightening or loosening.
  [
    "a schema inside `not` changed",
    doc({ "/a": { post: withBody({ type: "string", not: { type: "string", minLength: 1, maxLength: 3 } }) } }),
    doc({ "/a": { post: withBody({ type: "string", not: { type: "string", minLength: 5 } }) } }),
    [],
  ],
  // Servers, media-type ranges and response headers (issue 24)
  [
    "a server removed from the document, another added",
    doc({ "/a": { get: op() } }, { servers: [{ url: "https://api.example.com/v1" }] }),
    doc({ "/a": { get: op() } }, { servers: [{ url: "https://api.example.com/v2" }] }),
    ["api-server-removed:info", "api-server-added:info"],
  ],
  [
    "an operation's own server removed",
    doc({ "/a": { get: op({ servers: [{ url: "https://uploads.example.com" }, { url: "https://eu.uploads.example.com" }] }) } }),
    doc({ "/a": { get: op({ servers: [{ url: "https://uploads.example.com" }] }) } }),
    ["endpoint-server-removed:info"],
  ],
  [
    "a request media type now accepted through application/*",
    doc({ "/a": { post: withBody({ type: "object" }) } }),
    doc({ "/a": { post: { requestBody: { required: true, content: { "application/*": { schema: { type: "object" } } } }, responses: ok } } }),
    ["request-body-media-type-widened:info", "request-body-media-type-added:info"],
  ],
  [
    "a response media type became application/*",
    doc({ "/a": { get: withResponse({ type: "object" }) } }),
    doc({ "/a": { get: { responses: { "200": { description: "ok", content: { "application/*": { schema: { type: "object" } } } } } } } }),
    ["response-media-type-generalized:warning", "response-media-type-added:info"],
  ],
  [
    "a response media type range became a type it covers",
    doc({ "/a": { get: { responses: { "200": { description: "ok", content: { "*/*": { schema: { type: "object" } } } } } } } }),
    doc({ "/a": { get: withResponse({ type: "object" }) } }),
    ["response-media-type-specialized:info", "response-media-type-added:info"],
  ],
  [
    "response headers: one no longer always sent, one now always sent, one added",
    doc({
      "/a": {
        get: {
          responses: {
            "200": { description: "ok", headers: { "X-Rate-Limit": { required: true, schema: { type: "integer" } }, ETag: { schema: { type: "string" } } } },
          },
        },
      },
    }),
    doc({
      "/a": {
        get: {
          responses: {
            "200": {
              description: "ok",
              headers: {
                "X-Rate-Limit": { schema: { type: "integer" } },
                ETag: { required: true, schema: { type: "string" } },
                "X-Request-Id": { schema: { type: "string" } },
              },
            },
          },
        },
      },
    }),
    ["response-header-became-optional:breaking", "response-header-became-required:info", "response-header-added:info"],
  ],
  ["an operation added", doc({ "/a": { get: op() } }), doc({ "/a": { get: op() }, "/b": { get: op() } }), ["endpoint-added:info"]],
  ["an operation removed", doc({ "/a": { get: op() }, "/b": { get: op() } }), doc({ "/a": { get: op() } }), ["endpoint-removed:breaking"]],
  [
    "a deprecated operation removed after its sunset",
    doc({ "/a": { get: op({ deprecated: true, "x-sunset": "2026-01-01" }) } }),
    doc({}),
    ["endpoint-removed-after-sunset:info"],
  ],
  [
    "a deprecated operation removed before its sunset",
    doc({ "/a": { get: op({ deprecated: true, "x-sunset": "2027-01-01" }) } }),
    doc({}),
    ["endpoint-removed-before-sunset:breaking"],
  ],
  [
    "an operation deprecated",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: op({ deprecated: true, "x-sunset": "2027-01-01" }) } }),
    ["endpoint-deprecated:info"],
  ],
  [
    "a sunset brought forward",
    doc({ "/a": { get: op({ deprecated: true, "x-sunset": "2027-06-01" }) } }),
    doc({ "/a": { get: op({ deprecated: true, "x-sunset": "2027-01-01" }) } }),
    ["endpoint-sunset-brought-forward:warning"],
  ],
  [
    "a required query parameter added",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" }, true)] }) } }),
    ["new-required-request-parameter:breaking"],
  ],
  [
    "an optional query parameter added",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" })] }) } }),
    ["new-optional-request-parameter:info"],
  ],
  [
    "a parameter removed",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" })] }) } }),
    doc({ "/a": { get: op() } }),
    ["request-parameter-removed:warning"],
  ],
  [
    "a parameter became required",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" }, true)] }) } }),
    ["request-parameter-became-required:breaking"],
  ],
  [
    "a parameter's type changed",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "boolean" })] }) } }),
    ["request-parameter-type-changed:breaking"],
  ],
  [
    "a parameter's enum lost a value",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", enum: ["a", "b"] })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", enum: ["a"] })] }) } }),
    ["request-parameter-enum-value-removed:breaking"],
  ],
  [
    "a parameter's enum gained a value",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", enum: ["a"] })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", enum: ["a", "b"] })] }) } }),
    ["request-parameter-enum-value-added:info"],
  ],
  [
    "a parameter's maxLength tightened",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", maxLength: 50 })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", maxLength: 20 })] }) } }),
    ["request-parameter-max-decreased:breaking"],
  ],
  [
    "a parameter's minimum raised",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "integer", minimum: 1 })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "integer", minimum: 5 })] }) } }),
    ["request-parameter-min-increased:breaking"],
  ],
  [
    "a parameter's maximum relaxed",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "integer", maximum: 10 })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "integer", maximum: 100 })] }) } }),
    ["request-parameter-max-increased:info"],
  ],
  [
    "a parameter gained a pattern",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", pattern: "^[a-z]+$" })] }) } }),
    ["request-parameter-pattern-added:breaking"],
  ],
  [
    "a parameter's format changed",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", format: "date" })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string", format: "date-time" })] }) } }),
    ["request-parameter-format-changed:warning"],
  ],
  [
    "a parameter's style changed",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "array", items: { type: "string" } })] }) } }),
    doc({ "/a": { get: op({ parameters: [query("q", { type: "array", items: { type: "string" } }, false, { explode: false })] }) } }),
    ["request-parameter-style-changed:breaking"],
  ],
  [
    "a parameter moved from query to header",
    doc({ "/a": { get: op({ parameters: [query("q", { type: "string" })] }) } }),
    doc({ "/a": { get: op({ parameters: [{ name: "q", in: "header", schema: { type: "string" } }] }) } }),
    ["new-optional-request-parameter:info", "request-parameter-removed:warning"],
  ],
  [
    "a request body became required",
    doc({ "/a": { post: withBody({ type: "object" }, false) } }),
    doc({ "/a": { post: withBody({ type: "object" }, true) } }),
    ["request-body-became-required:breaking"],
  ],
  [
    "a required request property added",
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" } } }) } }),
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, required: ["b"] }) } }),
    ["new-required-request-property:breaking"],
  ],
  [
    "an optional request property added",
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" } } }) } }),
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" }, b: { type: "string" } } }) } }),
    ["new-optional-request-property:info"],
  ],
  [
    "a request property removed",
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" }, b: { type: "string" } } }) } }),
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" } } }) } }),
    ["request-property-removed:warning"],
  ],
  [
    "a request property's type changed",
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string" } } }) } }),
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "integer" } } }) } }),
    ["request-property-type-changed:breaking"],
  ],
  [
    "a request property's maxLength tightened",
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string", maxLength: 9 } } }) } }),
    doc({ "/a": { post: withBody({ type: "object", properties: { a: { type: "string", maxLength: 5 } } }) } }),
    ["request-property-max-decreased:breaking"],
  ],
  [
    "a request media type removed",
    doc({
      "/a": {
        post: {
          requestBody: { content: { "application/json": { schema: { type: "object" } }, "application/xml": { schema: { type: "object" } } } },
          responses: ok,
        },
      },
    }),
    doc({ "/a": { post: withBody({ type: "object" }, false) } }),
    ["request-body-media-type-removed:breaking"],
  ],
  [
    "a success response removed",
    doc({ "/a": { get: { responses: { ...ok, "201": { description: "made" } } } } }),
    doc({ "/a": { get: op() } }),
    ["response-success-status-removed:breaking"],
  ],
  [
    "an error response removed",
    doc({ "/a": { get: { responses: { ...ok, "404": { description: "gone" } } } } }),
    doc({ "/a": { get: op() } }),
    ["response-non-success-status-removed:warning"],
  ],
  [
    "a required response property removed",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: withResponse({ type: "object", properties: {} }) } }),
    ["response-required-property-removed:breaking"],
  ],
  [
    "a response property became optional",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: withResponse({ type: "object", properties: { id: { type: "string" } } }) } }),
    ["response-property-became-optional:breaking"],
  ],
  [
    "a response property became nullable",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: withResponse({ type: "object", properties: { id: { type: "string", nullable: true } }, required: ["id"] }) } }),
    ["response-property-became-nullable:breaking"],
  ],
  [
    "a response enum gained a value",
    doc({ "/a": { get: withResponse({ type: "string", enum: ["a"] }) } }),
    doc({ "/a": { get: withResponse({ type: "string", enum: ["a", "b"] }) } }),
    ["response-body-enum-value-added:warning"],
  ],
  [
    "a response constraint tightened (not breaking)",
    doc({ "/a": { get: withResponse({ type: "string", maxLength: 50 }) } }),
    doc({ "/a": { get: withResponse({ type: "string", maxLength: 20 }) } }),
    ["response-body-max-decreased:info"],
  ],
  [
    "a response media type removed",
    doc({ "/a": { get: op() } }),
    doc({ "/a": { get: { responses: { "200": { description: "ok", content: { "text/plain": { schema: { type: "string" } } } } } } } }),
    ["response-media-type-added:info", "response-media-type-removed:breaking"],
  ],
  [
    "a security requirement added",
    doc({ "/a": { get: op() } }, { components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } }),
    doc({ "/a": { get: op({ security: [{ key: [] }] }) } }, { components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } }),
    ["security-requirement-added:breaking"],
  ],
  [
    "a way to authenticate removed",
    doc({ "/a": { get: op({ security: [{ key: [] }, { oauth: [] }] }) } }),
    doc({ "/a": { get: op({ security: [{ key: [] }] }) } }),
    ["security-alternative-removed:breaking"],
  ],
  [
    "an OAuth scope added",
    doc({ "/a": { get: op({ security: [{ oauth: ["read"] }] }) } }),
    doc({ "/a": { get: op({ security: [{ oauth: ["read", "write"] }] }) } }),
    ["security-scope-added:breaking"],
  ],
  [
    "a security scheme changed",
    doc({}, { components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } }),
    doc({}, { components: { securitySchemes: { key: { type: "apiKey", in: "query", name: "key" } } } }),
    ["security-scheme-changed:breaking"],
  ],
  [
    "a webhook removed",
    { ...doc({}), openapi: "3.1.0", webhooks: { paid: { post: op() } } },
    { ...doc({}), openapi: "3.1.0", webhooks: {} },
    ["webhook-removed:breaking"],
  ],
  [
    "a callback removed",
    doc({ "/a": { post: op({ callbacks: { done: { "{$request.body#/url}": { post: op() } } } }) } }),
    doc({ "/a": { post: op() } }),
    ["callback-removed:breaking"],
  ],
  [
    "a response became a choice that includes it",
    doc({ "/a": { get: withResponse({ $ref: "#/components/schemas/A" }) } }, { components: { schemas: { A: { type: "object" }, B: { type: "object" } } } }),
    doc(
      { "/a": { get: withResponse({ anyOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }] }) } },
      { components: { schemas: { A: { type: "object" }, B: { type: "object" } } } },
    ),
    ["response-body-one-of-added:warning"],
  ],
];

const noBreaking: [string, Json, Json][] = [
  [
    "a schema moved into components",
    doc({ "/a": { post: withBody({ type: "object", properties: { n: { type: "integer", maximum: 5 } }, required: ["n"] }) } }),
    doc(
      { "/a": { post: withBody({ $ref: "#/components/schemas/In" }) } },
      { components: { schemas: { In: { type: "object", properties: { n: { type: "integer", maximum: 5 } }, required: ["n"] } } } },
    ),
  ],
  [
    "a component renamed",
    doc(
      { "/a": { get: withResponse({ $ref: "#/components/schemas/Old" }) } },
      { components: { schemas: { Old: { type: "object", properties: { id: { type: "string" } } } } } },
    ),
    doc(
      { "/a": { get: withResponse({ $ref: "#/components/schemas/New" }) } },
      { components: { schemas: { New: { type: "object", properties: { id: { type: "string" } } } } } },
    ),
  ],
  [
    "a path parameter renamed",
    doc({ "/pets/{id}": { get: op({ parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }) } }),
    doc({ "/pets/{petId}": { get: op({ parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string" } }] }) } }),
  ],
  [
    "descriptions, summaries and examples edited",
    doc({ "/a": { get: op({ summary: "A", description: "old" }) } }),
    doc({ "/a": { get: op({ summary: "B", description: "new", parameters: [] }) } }),
  ],
  [
    "a circular schema, unchanged",
    doc(
      { "/a": { get: withResponse({ $ref: "#/components/schemas/Node" }) } },
      {
        components: {
          schemas: {
            Node: {
              type: "object",
              properties: { next: { $ref: "#/components/schemas/Node" }, kids: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
            },
          },
        },
      },
    ),
    doc(
      { "/a": { get: withResponse({ $ref: "#/components/schemas/Node" }) } },
      {
        components: {
          schemas: {
            Node: {
              type: "object",
              properties: { next: { $ref: "#/components/schemas/Node" }, kids: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
            },
          },
        },
      },
    ),
  ],
];

describe("diff rules", () => {
  it.each(cases)("%s", (_name, base, revision, expected) => {
    expect(ids(base, revision)).toEqual([...expected].sort());
  });

  it.each(noBreaking)("%s: no breaking change", (_name, base, revision) => {
    expect(diffDocuments(base, revision).changes.filter((change) => change.level === "breaking")).toEqual([]);
  });

  it("reads Swagger 2.0 and OpenAPI 3.0 into the same model: the same API in both is no change", () => {
    const swagger = {
      swagger: "2.0",
      info: { title: "T", version: "1" },
      paths: {
        "/pets": {
          post: {
            parameters: [
              { name: "limit", in: "query", type: "integer", maximum: 100 },
              { name: "body", in: "body", required: true, schema: { $ref: "#/definitions/Pet" } },
            ],
            responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Pet" } } },
          },
        },
      },
      definitions: { Pet: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
    };
    const openapi = doc(
      {
        "/pets": {
          post: {
            parameters: [query("limit", { type: "integer", maximum: 100 })],
            requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
            responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
          },
        },
      },
      { components: { schemas: { Pet: { type: "object", required: ["name"], properties: { name: { type: "string" } } } } } },
    );
    expect(diffDocuments(swagger, openapi).changes).toEqual([]);
    expect(diffDocuments(openapi, { ...openapi, openapi: "3.1.0" }).changes).toEqual([]);
  });

  it("reports a change inside a shared schema once, with every operation that reaches it", () => {
    const shared = (maxLength: number) =>
      doc(
        {
          "/a": { post: withBody({ $ref: "#/components/schemas/In" }) },
          "/b": { put: withBody({ type: "object", properties: { inner: { $ref: "#/components/schemas/In" } } }) },
        },
        { components: { schemas: { In: { type: "string", maxLength } } } },
      );
    const { changes } = diffDocuments(shared(10), shared(5));
    expect(changes.map((change) => [change.id, change.component, change.operations])).toEqual([
      ["request-body-max-decreased", "schema In", ["POST /a"]],
      ["request-property-max-decreased", "schema In", ["PUT /b"]],
    ]);
  });

  it("names every operation that reaches a changed schema through other shared schemas, a cycle among them included", () => {
    // Leaf is reached only through Loop, which reaches Node and back: each operation is named once.
    const cyclic = (maxLength: number) =>
      doc(
        {
          "/node": { get: withResponse({ $ref: "#/components/schemas/Node" }) },
          "/loop": { get: withResponse({ $ref: "#/components/schemas/Loop" }) },
          "/list": { get: withResponse({ type: "array", items: { $ref: "#/components/schemas/Node" } }) },
        },
        {
          components: {
            schemas: {
              Node: { type: "object", properties: { loop: { $ref: "#/components/schemas/Loop" } } },
              Loop: { type: "object", properties: { node: { $ref: "#/components/schemas/Node" }, leaf: { $ref: "#/components/schemas/Leaf" } } },
              Leaf: { type: "string", maxLength },
            },
          },
        },
      );
    const { changes } = diffDocuments(cyclic(10), cyclic(20));
    expect(changes.map((change) => [change.id, change.component, change.operations, change.operationCount])).toEqual([
      ["response-property-max-increased", "schema Leaf", ["GET /list", "GET /loop", "GET /node"], 3],
    ]);
  });

  it("gives every change a registered rule, a JSON pointer and a message", () => {
    for (const [, base, revision] of cases) {
      for (const change of diffDocuments(base, revision).changes) {
        expect(rules.get(change.id)?.level, change.id).toBe(change.level);
        expect(change.pointer.base ?? change.pointer.revision ?? change.component).toBeTruthy();
        expect(change.message.length).toBeGreaterThan(10);
      }
    }
  });

  it("documents every rule in docs/diff-rules.md (npm run diff:rules)", () => {
    expect(readFileSync("docs/diff-rules.md", "utf8")).toBe(rulesMarkdown());
  });
});
