import { z } from "zod";
import { auditFiltersSchema } from "@/lib/audit/list-audit";
import { searchInputSchema } from "@/lib/search-index/search-input";
import { serviceFiltersSchema } from "@/lib/services/service-filters";
import { serviceInputSchema, serviceTransferSchema, serviceUpdateSchema } from "@/lib/services/service-input";
import { sourceInputSchema } from "@/lib/sources/source-input";
import { membershipInputSchema, teamInputSchema, teamUpdateSchema } from "@/lib/teams/team-input";
import { tokenInputSchema } from "@/lib/tokens/token-input";
import { webhookInputSchema } from "@/lib/webhooks/webhook-input";
import { templateServiceInputSchema } from "@/lib/templates/template-service-input";
import {
  backstageJsonBodySchema,
  changesQuerySchema,
  diffBodySchema,
  diffQuerySchema,
  documentQuerySchema,
  operationSliceQuerySchema,
  historyQuerySchema,
  publishQuerySchema,
  recentChangesQuerySchema,
  deprecationsQuerySchema,
} from "./request-schemas";
import * as r from "./response-schemas";

/**
 * Every route of Wayfinder's REST API, declared once: method, path, parameters, the request body
 * schema, the responses and who may call. Route files bind to these with `defineRoute(operations.x, …)`
 * (lib/api/define-route.ts), which enforces `access` and parses params, query and body with these
 * schemas; /api/v1/openapi.json is generated from the same list (openapi-document.ts), and
 * test/unit/contract-drift.test.ts fails when a route and its operation disagree.
 */
export type Access = "read" | "change" | "session";

export interface Response {
  description: string;
  schema?: z.ZodType;
  /** The media type of `schema` when it is not JSON (a zip). */
  mediaType?: string;
  headers?: Record<string, { description?: string; schema: z.ZodType }>;
}

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tags: string[];
  summary: string;
  description?: string;
  /** read: open unless WAYFINDER_REQUIRE_SIGNIN; change: a token or a session; session: a signed-in person. */
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body, exactly as the handler validates it. */
  body?: z.ZodType;
  /** Bodies in other media types (documents, bundles, YAML), checked by their own pipelines. */
  otherBodies?: Record<string, z.ZodType>;
  responses: Record<number, Response>;
}

const slug = (what: string) => r.slugRef.meta({ description: `The ${what}'s slug.` });
const serviceParams = z.object({ slug: slug("service") });
const teamParams = z.object({ slug: slug("team") });

/** Generic, so that each response keeps its schema's type: `defineRoute`'s `reply` is typed by it. */
const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, schema });
const error = (description: string): Response => ({ description, schema: r.errorSchema });
const changeErrors = {
  400: error("The body is not JSON, or a field is invalid; `details.issues` names each."),
  401: error("No session and no API token, or the token is invalid, revoked or expired."),
  403: error("Signed in, but not allowed to make this change (or the portal's CSRF header is missing)."),
  429: error("Too many failed token authentications from this client; see `Retry-After`."),
};
const authErrors = { 401: changeErrors[401], 403: changeErrors[403] };
const noService = { 404: error("No service has this slug.") };
const noTeam = { 404: error("No team has this slug.") };
const noTemplate = { 404: error("No template has this name.") };
const badQuery = { 400: error("A query parameter is malformed; `details.issues` names it.") };
const templateParams = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .meta({ description: "The template's name." }),
});

export const operations = {
  listServices: {
    method: "get",
    path: "/services",
    tags: ["Services"],
    summary: "List services",
    description:
      "The catalogue, sorted by name, filtered and paginated. Never includes API documents. `lifecycle` repeats or takes commas. Retired services are left out unless `includeRetired=true`; `retired=true` asks for the retired ones only, like `lifecycle=retired`.",
    access: "read",
    query: serviceFiltersSchema,
    responses: {
      200: json("One page of services.", r.servicePageSchema),
      400: error("A filter is malformed; `details.issues` names it."),
      401: error("`mine=true` without a session or token."),
    },
  },
  createService: {
    method: "post",
    path: "/services",
    tags: ["Services"],
    summary: "Register a service",
    description:
      "People may name only teams they belong to as owners (admins any); a team-scoped token registers services owned by its team alone. The primary owner may not also be listed in `otherOwners`. With `documentUrl`, the URL is set as the service's source and fetched at once.",
    access: "change",
    body: serviceInputSchema.meta({ id: "ServiceInput" }),
    responses: { 201: json("The new service.", r.serviceDetailSchema), ...changeErrors, 409: error("The slug is taken.") },
  },
  getService: {
    method: "get",
    path: "/services/{slug}",
    tags: ["Services"],
    summary: "Get a service",
    access: "read",
    params: serviceParams,
    responses: { 200: json("The service with its owners, links and versions.", r.serviceDetailSchema), ...noService },
  },
  updateService: {
    method: "patch",
    path: "/services/{slug}",
    tags: ["Services"],
    summary: "Edit a service",
    description: "Maintainers of an owning team, tokens in scope and admins. Setting `lifecycle` to `retired` archives the service.",
    access: "change",
    params: serviceParams,
    body: serviceUpdateSchema.meta({ id: "ServiceUpdate" }),
    responses: { 200: json("The service as it is now.", r.serviceDetailSchema), ...changeErrors, ...noService },
  },
  transferService: {
    method: "post",
    path: "/services/{slug}/transfer",
    tags: ["Services"],
    summary: "Transfer primary ownership",
    access: "change",
    params: serviceParams,
    body: serviceTransferSchema.meta({ id: "ServiceTransfer" }),
    responses: { 200: json("The service as it is now.", r.serviceDetailSchema), ...changeErrors, ...noService },
  },
  archiveService: {
    method: "post",
    path: "/services/{slug}/archive",
    tags: ["Services"],
    summary: "Archive a service",
    description: "The service becomes retired: readable, with its history, but hidden from the default catalogue view.",
    access: "change",
    params: serviceParams,
    responses: { 200: json("The archived service.", r.serviceDetailSchema), ...changeErrors, ...noService },
  },
  getServiceHistory: {
    method: "get",
    path: "/services/{slug}/history",
    tags: ["Audit"],
    summary: "A service's change history",
    description: "Readers who are not signed in see people's names, not emails; token details are shown to the service's maintainers and admins.",
    access: "read",
    params: serviceParams,
    query: historyQuerySchema,
    responses: { 200: json("Entries, newest first.", r.itemsOf(r.auditEntrySchema)), ...badQuery, ...noService },
  },
  listServiceVersions: {
    method: "get",
    path: "/services/{slug}/versions",
    tags: ["Versions"],
    summary: "List a service's API versions",
    access: "read",
    params: serviceParams,
    responses: { 200: json("Versions, newest first.", r.itemsOf(r.versionSchema)), ...noService },
  },
  listServiceChanges: {
    method: "get",
    path: "/services/{slug}/changes",
    tags: ["Versions"],
    summary: "A service's changelog",
    description: "Every version and revision, newest first, with when and by whom it was published, what it was compared with, and its classified changes.",
    access: "read",
    params: serviceParams,
    query: changesQuerySchema,
    responses: { 200: json("Versions with their changes, newest first.", r.itemsOf(r.versionChangesSchema)), ...badQuery, ...noService },
  },
  diffServiceVersions: {
    method: "get",
    path: "/services/{slug}/diff",
    tags: ["Versions"],
    summary: "Compare two stored versions of a service",
    access: "read",
    params: serviceParams,
    query: diffQuerySchema,
    responses: {
      200: json("The changes from one to the other, breaking first.", r.versionDiffSchema),
      400: error("`from` or `to` is missing."),
      404: error("No such service, version or revision."),
    },
  },
  publishVersion: {
    method: "post",
    path: "/services/{slug}/versions",
    tags: ["Versions"],
    summary: "Publish an API description",
    description:
      'One Swagger 2.0 / OpenAPI 3.0 / 3.1 document as JSON or YAML, or a multi-file bundle as `application/vnd.wayfinder.bundle+json` (`{ "root": "openapi.yaml", "files": { "<path>": "<text>" } }`; `$ref`s may reach only the bundle\'s files). Content already stored is a no-op (200); new content under the same `info.version` is a new revision. Limits: WAYFINDER_MAX_DOCUMENT_BYTES (20 MB), WAYFINDER_MAX_YAML_ALIASES, WAYFINDER_MAX_DOCUMENT_DEPTH, WAYFINDER_MAX_REFS, WAYFINDER_MAX_BUNDLE_FILES.',
    access: "change",
    params: serviceParams,
    query: publishQuerySchema,
    otherBodies: {
      "application/json": z.record(z.string(), z.unknown()).meta({ description: "The API description." }),
      "application/yaml": z.string(),
      "application/vnd.wayfinder.bundle+json": z.object({ root: z.string(), files: z.record(z.string(), z.string()) }),
    },
    responses: {
      201: json("Stored as a new version or revision.", r.publishResultSchema),
      200: json("Already stored (`outcome: unchanged`), or valid in a dry run (`outcome: valid`).", r.publishResultSchema),
      ...changeErrors,
      ...noService,
      409: error(
        "Refused: the service's policy is `block` and the document has breaking changes against the current version (publish again with `acceptBreaking=<reason>`), or a first version was asked for on a service that has versions.",
      ),
      413: error("A limit was exceeded; the message names it and its setting."),
      422: error("The document is invalid; `details.problems` lists each problem with its JSON pointer or line."),
    },
  },
  getServiceSource: {
    method: "get",
    path: "/services/{slug}/source",
    tags: ["Versions"],
    summary: "The service's document URL and its status",
    access: "read",
    params: serviceParams,
    responses: { 200: json("The source, or null when the service has none.", r.sourceResponseSchema), ...noService },
  },
  setServiceSource: {
    method: "put",
    path: "/services/{slug}/source",
    tags: ["Versions"],
    summary: "Set the document URL, and fetch it now",
    description:
      "The portal then polls it (ETag / If-Modified-Since). Private, loopback, link-local and metadata addresses are refused unless WAYFINDER_FETCH_ALLOW lists them; a URL with a user name or password is refused.",
    access: "change",
    params: serviceParams,
    body: sourceInputSchema.meta({ id: "SourceInput" }),
    responses: { 200: json("The first fetch's outcome and the source's status.", r.refreshResultSchema), ...changeErrors, ...noService },
  },
  removeServiceSource: {
    method: "delete",
    path: "/services/{slug}/source",
    tags: ["Versions"],
    summary: "Stop polling (versions stay)",
    access: "change",
    params: serviceParams,
    responses: { 204: { description: "Removed." }, ...changeErrors, ...noService },
  },
  refreshServiceSource: {
    method: "post",
    path: "/services/{slug}/source/refresh",
    tags: ["Versions"],
    summary: "Refresh now",
    access: "change",
    params: serviceParams,
    responses: {
      200: json("The fetch's outcome and the source's status.", r.refreshResultSchema),
      ...changeErrors,
      404: error("No such service, or it has no document URL."),
    },
  },
  getVersionDocument: {
    method: "get",
    path: "/services/{slug}/versions/{version}/document",
    tags: ["Versions"],
    summary: "Get the OpenAPI document of a version",
    description: "The document exactly as stored (normalised to JSON, in the author's key order). Without `revision`, the newest revision of the version.",
    access: "read",
    params: z.object({ slug: slug("service"), version: z.string().meta({ description: "The version label (`info.version`)." }) }),
    query: documentQuerySchema,
    responses: {
      200: {
        description: "The document.",
        schema: z.record(z.string(), z.unknown()).meta({ description: "A Swagger 2.0, OpenAPI 3.0 or OpenAPI 3.1 document." }),
        headers: {
          ETag: { description: "The document's content hash.", schema: z.string() },
          "X-Wayfinder-Spec-Format": { schema: r.specFormatSchema },
          "X-Wayfinder-Revision": { schema: z.int() },
        },
      },
      304: { description: "The document has not changed since the ETag given in `If-None-Match`." },
      ...badQuery,
      404: error("No such service, version or revision."),
    },
  },
  getLintReport: {
    method: "get",
    path: "/services/{slug}/versions/{version}/lint",
    tags: ["Versions"],
    summary: "Get a version's lint report",
    description:
      "The version checked against the house ruleset (governance/lint.yaml): Redocly's rules and the house rules, each house finding linking to its pattern. Linted in the background seconds after publishing, and again when the ruleset changes. Without `revision`, the newest revision of the version.",
    access: "read",
    params: z.object({ slug: slug("service"), version: z.string().meta({ description: "The version label (`info.version`)." }) }),
    query: documentQuerySchema,
    responses: {
      200: json("The report.", r.lintReportSchema),
      ...badQuery,
      404: error("No such service, version or revision."),
    },
  },
  getOperationSlice: {
    method: "get",
    path: "/services/{slug}/versions/{version}/operation",
    tags: ["Versions"],
    summary: "Get one operation of a version as a document of its own",
    description:
      "What the docs of a large API load when an operation is opened: the document's info, servers and security schemes, and the one operation with every `$ref` expanded (schemas nested too deep, or circular, become stubs named by `$$ref`). `x-wayfinder-slice` says how deep schemas were expanded. Without `method` and `path`, the document with no operation (its overview).",
    access: "read",
    params: z.object({ slug: slug("service"), version: z.string().meta({ description: "The version label (`info.version`)." }) }),
    query: operationSliceQuerySchema,
    responses: {
      200: {
        description: "The operation's document.",
        schema: z.record(z.string(), z.unknown()).meta({ description: "A Swagger 2.0, OpenAPI 3.0 or OpenAPI 3.1 document with one operation." }),
        headers: { ETag: { description: "The version's content hash and the slicer's version.", schema: z.string() } },
      },
      304: { description: "Unchanged since the ETag given in `If-None-Match`." },
      400: error("`method` or `path` is malformed, or only one of them is given."),
      404: error("No such service, version, revision or operation."),
    },
  },
  listRecentChanges: {
    method: "get",
    path: "/changes",
    tags: ["Versions"],
    summary: "What changed lately, across every service",
    description: "Published versions compared with a predecessor, newest first; as an Atom feed at `/changes/feed.atom` (same filters).",
    access: "read",
    query: recentChangesQuerySchema,
    responses: { 200: json("Versions and their changes, newest first.", r.itemsOf(r.recentChangeSchema)), 400: error("A filter is malformed.") },
  },
  search: {
    method: "get",
    path: "/search",
    tags: ["Search"],
    summary: "Search services, operations, teams and docs",
    description:
      "Grouped, ranked results: an operationId or path typed exactly first, each word matched as a prefix, misspellings corrected (`corrections` says how). Operations are those of each service's current version; retired services are left out.",
    access: "read",
    query: searchInputSchema,
    responses: { 200: json("Results by kind, each ranked.", r.searchResultsSchema), 400: error("`q` is missing or a filter is malformed.") },
  },
  listDeprecations: {
    method: "get",
    path: "/deprecations",
    tags: ["Services"],
    summary: "What is going away, and when",
    description: "Deprecated services and the deprecated operations of the versions services serve, soonest sunset first; those without a date last.",
    access: "read",
    query: deprecationsQuerySchema,
    responses: { 200: json("Deprecations, soonest first.", r.itemsOf(r.deprecationSchema)), 400: error("`within` is not a number of days.") },
  },
  listTeams: {
    method: "get",
    path: "/teams",
    tags: ["Teams"],
    summary: "List teams",
    access: "read",
    responses: { 200: json("Every team, by name.", r.itemsOf(r.teamSummarySchema)) },
  },
  createTeam: {
    method: "post",
    path: "/teams",
    tags: ["Teams"],
    summary: "Create a team",
    description: "Admins only, or anyone signed in when WAYFINDER_OPEN_TEAMS=true. The creator becomes its first maintainer.",
    access: "change",
    body: teamInputSchema.meta({ id: "TeamInput" }),
    responses: { 201: json("The new team.", r.teamDetailSchema), ...changeErrors, 409: error("The slug is taken.") },
  },
  getTeam: {
    method: "get",
    path: "/teams/{slug}",
    tags: ["Teams"],
    summary: "Get a team and the services it owns",
    access: "read",
    params: teamParams,
    responses: { 200: json("The team.", r.teamDetailSchema), ...noTeam },
  },
  updateTeam: {
    method: "patch",
    path: "/teams/{slug}",
    tags: ["Teams"],
    summary: "Edit a team",
    access: "change",
    params: teamParams,
    body: teamUpdateSchema.meta({ id: "TeamUpdate" }),
    responses: { 200: json("The team as it is now.", r.teamDetailSchema), ...changeErrors, ...noTeam },
  },
  listTeamMembers: {
    method: "get",
    path: "/teams/{slug}/members",
    tags: ["People"],
    summary: "A team's members",
    description: "Emails only for readers who are signed in or use a token.",
    access: "read",
    params: teamParams,
    responses: { 200: json("Members, maintainers first.", r.itemsOf(r.memberSchema)), ...noTeam },
  },
  setTeamMember: {
    method: "put",
    path: "/teams/{slug}/members",
    tags: ["People"],
    summary: "Add a member or change their role",
    description: "The team's maintainers and admins. Someone who has not signed in yet is added by email.",
    access: "change",
    params: teamParams,
    body: membershipInputSchema.meta({ id: "MembershipInput" }),
    responses: { 200: json("The members now.", r.itemsOf(r.memberSchema)), ...changeErrors, ...noTeam },
  },
  removeTeamMember: {
    method: "delete",
    path: "/teams/{slug}/members/{email}",
    tags: ["People"],
    summary: "Remove a member",
    access: "change",
    params: z.object({ slug: slug("team"), email: z.email() }),
    responses: { 204: { description: "Removed." }, ...changeErrors, 404: error("No such team or member.") },
  },
  listTeamTokens: {
    method: "get",
    path: "/teams/{slug}/tokens",
    tags: ["People"],
    summary: "A team's API tokens (never the tokens themselves)",
    access: "change",
    params: teamParams,
    responses: { 200: json("Tokens, newest first.", r.itemsOf(r.tokenSummarySchema)), ...authErrors, ...noTeam },
  },
  createTeamToken: {
    method: "post",
    path: "/teams/{slug}/tokens",
    tags: ["People"],
    summary: "Create an API token",
    description: "For the team's services, or one service it owns. The token is in this response only; Wayfinder keeps its hash.",
    access: "session",
    params: teamParams,
    body: tokenInputSchema.meta({ id: "TokenInput" }),
    responses: { 201: json("The token, shown once.", r.newTokenSchema), ...changeErrors, ...noTeam },
  },
  listTeamWebhooks: {
    method: "get",
    path: "/teams/{slug}/webhooks",
    tags: ["Webhooks"],
    summary: "A team's webhook subscriptions",
    description: "For the team's maintainers and admins, each with its last 10 deliveries.",
    access: "change",
    params: teamParams,
    responses: { 200: json("Subscriptions.", r.webhookListSchema), ...authErrors, ...noTeam },
  },
  createTeamWebhook: {
    method: "post",
    path: "/teams/{slug}/webhooks",
    tags: ["Webhooks"],
    summary: "Subscribe an endpoint to events of a team's services",
    description:
      "The team's maintainers and admins; `service` narrows it to one service the team owns. Deliveries are signed per Standard Webhooks with the secret in this response, retried with exponential backoff; the endpoint must be https (http only for hosts WAYFINDER_WEBHOOK_ALLOW names). The payloads are in this document's `webhooks`.",
    access: "change",
    params: teamParams,
    body: webhookInputSchema.meta({ id: "WebhookInput" }),
    responses: { 201: json("The subscription and its secret, shown once.", r.newWebhookSchema), ...changeErrors, ...noTeam },
  },
  listWebhooks: {
    method: "get",
    path: "/webhooks",
    tags: ["Webhooks"],
    summary: "Webhook subscriptions for every service",
    access: "change",
    responses: { 200: json("Subscriptions.", r.webhookListSchema), ...authErrors },
  },
  createWebhook: {
    method: "post",
    path: "/webhooks",
    tags: ["Webhooks"],
    summary: "Subscribe an endpoint to events of every service",
    description: "Admins only. As for a team's, without `service`.",
    access: "change",
    body: webhookInputSchema,
    responses: { 201: json("The subscription and its secret, shown once.", r.newWebhookSchema), ...changeErrors },
  },
  deleteWebhook: {
    method: "delete",
    path: "/webhooks/{id}",
    tags: ["Webhooks"],
    summary: "Remove a webhook subscription",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 204: { description: "Removed, with its deliveries." }, ...authErrors, 404: error("No such webhook.") },
  },
  testWebhook: {
    method: "post",
    path: "/webhooks/{id}/test",
    tags: ["Webhooks"],
    summary: "Send a test event",
    description: "A `webhook.test` event to this subscription alone; a disabled subscription is enabled again.",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 202: json("Queued.", z.object({ eventId: z.string(), deliveries: z.int() })), ...authErrors, 404: error("No such webhook.") },
  },
  redeliverWebhook: {
    method: "post",
    path: "/webhooks/deliveries/{id}/redeliver",
    tags: ["Webhooks"],
    summary: "Send a delivery's event again",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 202: json("Queued as a new delivery.", z.object({ deliveryId: z.string() })), ...authErrors, 404: error("No such delivery.") },
  },
  revokeToken: {
    method: "delete",
    path: "/tokens/{id}",
    tags: ["People"],
    summary: "Revoke an API token",
    description: "Its team's maintainers, admins, and for a token scoped to one service the maintainers of that service.",
    access: "change",
    params: z.object({ id: z.string() }),
    responses: { 200: json("Revoked (again is no error).", r.revokedTokenSchema), ...changeErrors, 404: error("No such token.") },
  },
  getCaller: {
    method: "get",
    path: "/me",
    tags: ["People"],
    summary: "Who is calling",
    access: "read",
    responses: { 200: json("The caller: a person with their teams, a token with its scope, or anonymous.", r.callerSchema) },
  },
  listOnboardingTicks: {
    method: "get",
    path: "/me/onboarding",
    tags: ["People"],
    summary: "The onboarding checklist items the signed-in person has ticked",
    access: "session",
    responses: { 200: json("Ticked item ids.", r.onboardingTicksSchema), ...authErrors },
  },
  tickOnboardingItem: {
    method: "put",
    path: "/me/onboarding/{itemId}",
    tags: ["People"],
    summary: "Tick an onboarding checklist item",
    access: "session",
    params: z.object({ itemId: r.slugRef }),
    responses: { 204: { description: "Ticked." }, ...authErrors, 404: error("No such checklist item.") },
  },
  untickOnboardingItem: {
    method: "delete",
    path: "/me/onboarding/{itemId}",
    tags: ["People"],
    summary: "Untick an onboarding checklist item",
    access: "session",
    params: z.object({ itemId: r.slugRef }),
    responses: { 204: { description: "Unticked." }, ...authErrors, 404: error("No such checklist item.") },
  },
  listAuditEntries: {
    method: "get",
    path: "/audit",
    tags: ["Audit"],
    summary: "The portal-wide audit log (admins)",
    access: "change",
    query: auditFiltersSchema,
    responses: { 200: json("Entries, newest first.", r.itemsOf(r.auditEntrySchema)), ...badQuery, ...authErrors },
  },
  importBackstage: {
    method: "post",
    path: "/import/backstage",
    tags: ["Import"],
    summary: "Import Backstage catalog-info.yaml documents (admins)",
    description:
      'Groups become teams; Components and APIs services; an API\'s OpenAPI definition a version of the service that provides it: inline, or (for a catalog given by `url`) the file a `$text`, `$openapi`, `$yaml` or `$json` substitution names, fetched relative to the catalog file through the SSRF-safe fetcher. A pasted catalog\'s substituted definitions are reported as needing a URL; a non-OpenAPI definition (AsyncAPI) as not stored. Send `{ "yaml": "…" }`, `{ "url": "…" }`, or the YAML itself as `application/yaml`.',
    access: "session",
    body: backstageJsonBodySchema,
    otherBodies: { "application/yaml": z.string() },
    responses: { 200: json("What happened to each entity, and why.", r.importResultSchema), ...changeErrors },
  },
  diffDocuments: {
    method: "post",
    path: "/diff",
    tags: ["Versions"],
    summary: "Compare two API descriptions",
    description:
      "Two documents in (Swagger 2.0, OpenAPI 3.0 or 3.1, in any combination; each a JSON object or the text of a JSON or YAML document), every change out, classified `breaking`, `warning` (potentially breaking) or `info`, with its rule id, the operation or shared component it touches, JSON pointers and a message. Nothing is stored. For tools: it needs a token or a session.",
    access: "change",
    body: diffBodySchema,
    responses: {
      200: json("The changes, breaking first, and how many of each level.", r.diffResultSchema),
      ...changeErrors,
      413: error("A document exceeds a limit; the message names it and its setting."),
      422: error("A document is invalid; the message says which, `details.problems` where."),
    },
  },
  listTemplates: {
    method: "get",
    path: "/templates",
    tags: ["Templates"],
    summary: "List templates",
    description: "The templates new services and endpoints start from (the repository's templates/), with their parameters.",
    access: "read",
    responses: { 200: json("Every template, by name.", r.itemsOf(r.templateSummarySchema)) },
  },
  getTemplate: {
    method: "get",
    path: "/templates/{name}",
    tags: ["Templates"],
    summary: "Get a template with its files",
    description: "What `wayfinder new --from-portal` renders: the manifest and the Handlebars text of every file.",
    access: "read",
    params: templateParams,
    responses: { 200: json("The template.", r.templateSourceSchema), ...noTemplate },
  },
  createServiceFromTemplate: {
    method: "post",
    path: "/templates/{name}/services",
    tags: ["Templates"],
    summary: "Create a service from a template",
    description:
      "Renders a service template with `values` (checked against its parameters; missing ones take their default), registers the service owned by `team` (its slug is the `name` value) and publishes the generated openapi.yaml as its first version, 0.1.0, in one transaction. Only people and tokens who may register services for the team.",
    access: "change",
    params: templateParams,
    body: templateServiceInputSchema.meta({ id: "TemplateServiceInput" }),
    responses: {
      201: json("The new service, its first version and the generated files' paths.", r.templateServiceCreatedSchema),
      ...changeErrors,
      ...noTemplate,
      409: error("A service with this slug exists."),
    },
  },
  downloadTemplateProject: {
    method: "post",
    path: "/templates/{name}/archive",
    tags: ["Templates"],
    summary: "Download a generated project",
    description:
      "The project a service template renders with `values`, as a zip with one folder named after the service. Nothing is stored. Only people and tokens who may register services for `team`.",
    access: "change",
    params: templateParams,
    body: templateServiceInputSchema,
    responses: {
      200: { description: "The project.", schema: z.string().meta({ format: "binary" }), mediaType: "application/zip" },
      ...changeErrors,
      ...noTemplate,
    },
  },
  getOpenApiDocument: {
    method: "get",
    path: "/openapi.json",
    tags: ["Meta"],
    summary: "This document",
    access: "read",
    responses: { 200: json("Wayfinder's OpenAPI 3.1 description.", z.record(z.string(), z.unknown())) },
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
