import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { operations, type Access, type Operation } from "./contract/operations";
import { webhookPayloads, webhookPayloadSchema } from "./contract/response-schemas";

/**
 * Wayfinder's own REST API contract (OpenAPI 3.1), generated from the operations declared in
 * contract/operations.ts: the request schemas there are the ones the handlers enforce, the response
 * schemas the ones the tests check every answer against. Served at /api/v1/openapi.json and listed in
 * Wayfinder's own catalogue; bump `version` whenever it changes.
 */
export const WAYFINDER_API_VERSION = "1.24.0";

const security: Record<Access, ZodOpenApiOperationObject["security"]> = {
  read: undefined,
  change: [{ bearerToken: [] }, { session: [] }],
  session: [{ session: [] }],
};

function toOperation(id: string, operation: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses) as [string, Operation["responses"][number]][]) {
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            // As a zod object, so zod-openapi writes each header's schema as JSON Schema (a header object's
            // `schema` is passed through as it is: the zod instance itself ended up in the document).
            headers: z.object(
              Object.fromEntries(
                Object.entries(response.headers).map(([name, header]) => [
                  name,
                  header.description ? header.schema.meta({ description: header.description }) : header.schema,
                ]),
              ),
            ),
          }
        : {}),
      ...(response.schema ? { content: { [response.mediaType ?? "application/json"]: { schema: response.schema } } } : {}),
    };
  }
  const bodies = { ...(operation.body ? { "application/json": operation.body } : {}), ...operation.otherBodies };
  return {
    operationId: id,
    tags: operation.tags,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(security[operation.access] ? { security: security[operation.access] } : {}),
    ...(operation.params || operation.query
      ? { requestParams: { ...(operation.params ? { path: operation.params } : {}), ...(operation.query ? { query: operation.query } : {}) } }
      : {}),
    ...(Object.keys(bodies).length
      ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(bodies).map(([type, schema]) => [type, { schema }])) } }
      : {}),
    responses: responses as ZodOpenApiResponsesObject,
  };
}

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const [id, operation] of Object.entries(operations) as [string, Operation][]) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: toOperation(id, operation) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Wayfinder API",
      version: WAYFINDER_API_VERSION,
      summary: "The developer portal's catalogue of services, teams and API descriptions.",
      description:
        'Read the catalogue that Wayfinder keeps: every service, its owning teams, lifecycle and API versions, and each version\'s OpenAPI document as it was published.\n\nErrors always have the shape `{ "error": { "code", "message", "details"? } }`; `code` is stable and safe to branch on.\n\nChanges made with the session cookie (the portal\'s own pages) must send the `wf_csrf` cookie\'s value in the `X-Wayfinder-CSRF` header and come from the portal\'s own origin; API tokens need neither. Failed token authentications and sign-ins are throttled per client: `429 TOO_MANY_REQUESTS` with `Retry-After`. Readers who are not signed in see people\'s names, not their emails; token details are shown to those who manage the token.',
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/api/v1", description: "This Wayfinder instance" }],
    // Reading is open unless the instance sets WAYFINDER_REQUIRE_SIGNIN=true; changes need one of these.
    security: [{}, { bearerToken: [] }, { session: [] }],
    tags: [
      { name: "Services", description: "The API catalogue." },
      { name: "Versions", description: "Stored API descriptions of a service." },
      { name: "Consumers", description: "Who consumes what: declarations, observed calls, the dependency graph." },
      { name: "Conformance", description: "Whether running services honour their contracts: Try it out's verdicts, verify runs from CI, imported traffic." },
      { name: "Insights", description: "The developer-experience SLOs: time to first call, docs freshness, time to a new endpoint, serialization defects." },
      { name: "Event APIs", description: "A service's event API (AsyncAPI 1.x converted, 2.x, 3.0): a contract kind of its own, with its own versions." },
      { name: "Search", description: "Find services, operations, teams and docs." },
      { name: "Teams", description: "Teams that own services." },
      { name: "People", description: "Who is calling, memberships and API tokens." },
      { name: "Audit", description: "What changed, who changed it, and when." },
      { name: "Import", description: "Bring a Backstage catalogue in." },
      { name: "Docs", description: "Patterns, ADRs, onboarding and guides, for programs and assistants: listed, and as Markdown." },
      { name: "Meta", description: "This API's own description." },
      { name: "Webhooks", description: "Endpoints told about changes, signed per Standard Webhooks." },
      { name: "Templates", description: "Starting points for new services and endpoints: the house patterns, contract first." },
    ],
    paths,
    // What Wayfinder sends to subscribed endpoints (format `standard`), one entry per event type.
    webhooks: Object.fromEntries(
      Object.entries(webhookPayloads).map(([type, { summary, data }]) => [
        type,
        {
          post: {
            operationId: `event_${type.replace(/\./g, "_")}`,
            summary,
            description:
              "Headers `webhook-id` (the event's id: deduplicate by it), `webhook-timestamp` and `webhook-signature` (Standard Webhooks, HMAC-SHA256 with the subscription's secret). Any 2xx acknowledges it; anything else, or no answer in 10 s, is retried with exponential backoff.",
            requestBody: { required: true, content: { "application/json": { schema: webhookPayloadSchema(type, data) } } },
            responses: { 200: { description: "Received (any 2xx)." } },
          },
        },
      ]),
    ),
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An API token created on a team page (`wf_…`)." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session after signing in." },
      },
    },
  });
}

// JSON round trip: a plain, frozen-free object equal to what /api/v1/openapi.json serves.
export const wayfinderOpenApiDocument = JSON.parse(JSON.stringify(buildDocument())) as ReturnType<typeof buildDocument> & {
  paths: Record<string, Record<string, unknown>>;
};
