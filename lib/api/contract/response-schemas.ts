/**
 * What Wayfinder's REST API answers, as zod schemas, by domain (./schemas/*.ts; webhooks' own in
 * lib/webhooks/webhook-schemas.ts): the source of the response schemas in /api/v1/openapi.json (each
 * `id` becomes a component). The request schemas are the ones the handlers enforce, in
 * lib/<domain>/*-input.ts; both meet in the operations (operations.ts).
 */
export * from "./schemas/common";
export * from "./schemas/catalogue";
export * from "./schemas/versions";
export * from "./schemas/admin";
export * from "./schemas/templates";
export * from "./schemas/approvals";
export * from "./schemas/consumers";
export * from "./schemas/conformance";
export * from "@/lib/webhooks/webhook-schemas";
export * from "./schemas/insights";
export * from "./schemas/events";
