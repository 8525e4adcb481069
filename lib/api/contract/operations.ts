import { serviceOperations } from "./operations/services";
import { versionOperations } from "./operations/versions";
import { approvalOperations } from "./operations/approvals";
import { consumerOperations } from "./operations/consumers";
import { conformanceOperations } from "./operations/conformance";
import { eventOperations } from "./operations/events";
import { insightsOperations } from "./operations/insights";
import { sourceOperations } from "./operations/sources";
import { searchOperations } from "./operations/search";
import { teamOperations } from "./operations/teams";
import { webhookOperations } from "./operations/webhooks";
import { meOperations } from "./operations/me";
import { adminOperations } from "./operations/admin";
import { templateOperations } from "./operations/templates";
import { metaOperations } from "./operations/meta";
import { docOperations } from "./operations/docs";
import type { Operation } from "./operation-parts";

export type { Access, Operation, Response } from "./operation-parts";

/**
 * Every route of Wayfinder's REST API, declared once (by domain, in ./operations/*.ts): method, path,
 * parameters, the request body schema, the responses and who may call. Route files bind to these with
 * `defineRoute(operations.x, …)` (lib/api/define-route.ts), which enforces `access` and parses params,
 * query and body with these schemas; /api/v1/openapi.json is generated from the same list
 * (openapi-document.ts), and test/unit/contract-drift.test.ts fails when a route and its operation
 * disagree.
 */
export const operations = {
  ...serviceOperations,
  ...versionOperations,
  ...approvalOperations,
  ...consumerOperations,
  ...conformanceOperations,
  ...eventOperations,
  ...insightsOperations,
  ...sourceOperations,
  ...searchOperations,
  ...teamOperations,
  ...webhookOperations,
  ...meOperations,
  ...adminOperations,
  ...templateOperations,
  ...docOperations,
  ...metaOperations,
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
