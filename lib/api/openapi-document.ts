/**
 * Wayfinder's own REST API contract (OpenAPI 3.1). It is written first and the route handlers follow
 * it: test/integration/rest-api.test.ts validates every response against the schemas here, and the
 * portal lists Wayfinder in its own catalogue with this document.
 */
const errorResponse = (description: string) => jsonResponse(description, { $ref: "#/components/schemas/Error" });

const jsonResponse = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const itemsOf = (name: string) => ({ type: "object", required: ["items"], properties: { items: { type: "array", items: schemaRef(name) } } });

const jsonBody = (schema: object) => ({ required: true, content: { "application/json": { schema } } });
const mutation = { security: [{ bearerToken: [] }, { session: [] }] };
const changeErrors = {
  "400": errorResponse("The body is not JSON, or a field is invalid; `details.issues` names each."),
  "401": errorResponse("No session and no API token, or the token is invalid, revoked or expired."),
  "403": errorResponse("Signed in, but not allowed to make this change."),
};

const serviceFields = {
  name: { type: "string", minLength: 1, maxLength: 100 },
  description: { type: "string", maxLength: 5000 },
  lifecycle: schemaRef("Lifecycle"),
  tier: { type: "integer", minimum: 1, maximum: 4 },
  tags: { type: "array", maxItems: 20, items: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" } },
  repositoryUrl: { type: ["string", "null"], format: "uri" },
  links: { type: "array", maxItems: 20, items: schemaRef("Link") },
  otherOwners: { type: "array", maxItems: 10, items: schemaRef("Slug") },
};

const teamFields = {
  name: { type: "string", minLength: 1, maxLength: 100 },
  description: { type: "string", maxLength: 2000 },
  chatChannel: { type: ["string", "null"] },
  email: { type: ["string", "null"], format: "email" },
};

const slugParameter = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { $ref: "#/components/schemas/Slug" },
});

export const wayfinderOpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Wayfinder API",
    version: "1.3.0",
    summary: "The developer portal's catalogue of services, teams and API descriptions.",
    description:
      "Read the catalogue that Wayfinder keeps: every service, its owning teams, lifecycle and API versions, and each version's OpenAPI document as it was published.\n\nErrors always have the shape `{ \"error\": { \"code\", \"message\", \"details\"? } }`; `code` is stable and safe to branch on.\n\nChanges made with the session cookie (the portal's own pages) must send the `wf_csrf` cookie's value in the `X-Wayfinder-CSRF` header and come from the portal's own origin; API tokens need neither. Failed token authentications and sign-ins are throttled per client: `429 TOO_MANY_REQUESTS` with `Retry-After`. Readers who are not signed in see people's names, not their emails; token details are shown to those who manage the token.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [{ url: "/api/v1", description: "This Wayfinder instance" }],
  // Reading is open unless the instance sets WAYFINDER_REQUIRE_SIGNIN=true; changes need one of these.
  security: [{}, { bearerToken: [] }, { session: [] }],
  tags: [
    { name: "Services", description: "The API catalogue." },
    { name: "Versions", description: "Stored API descriptions of a service." },
    { name: "Teams", description: "Teams that own services." },
    { name: "People", description: "Who is calling, memberships and API tokens." },
    { name: "Audit", description: "What changed, who changed it, and when." },
    { name: "Import", description: "Bring a Backstage catalogue in." },
    { name: "Meta", description: "This API's own description." },
  ],
  paths: {
    "/services": {
      get: {
        tags: ["Services"],
        operationId: "listServices",
        summary: "List services",
        description: "The catalogue, sorted by name, filtered and paginated. Never includes API documents.",
        parameters: [
          { name: "q", in: "query", description: "Text to find in the name, slug or description (case-insensitive).", schema: { type: "string", maxLength: 200 } },
          { name: "team", in: "query", description: "Only services this team owns (primary or not).", schema: { $ref: "#/components/schemas/Slug" } },
          {
            name: "lifecycle",
            in: "query",
            description: "Only services in these lifecycles; repeat the parameter or separate values with commas.",
            style: "form",
            explode: true,
            schema: { type: "array", items: { $ref: "#/components/schemas/Lifecycle" } },
          },
          { name: "tag", in: "query", description: "Only services with this tag.", schema: { type: "string" } },
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 50 } },
        ],
        responses: {
          "200": jsonResponse("One page of services.", schemaRef("ServicePage")),
          "400": errorResponse("A filter is malformed; `details.issues` names it."),
          "401": errorResponse("`mine=true` without a session or token."),
        },
      },
      post: {
        tags: ["Services"],
        operationId: "createService",
        summary: "Register a service",
        description: "People may name only teams they belong to as owners (admins any); a team-scoped token registers services owned by its team alone.",
        ...mutation,
        requestBody: jsonBody(schemaRef("ServiceInput")),
        responses: {
          "201": jsonResponse("The new service.", schemaRef("ServiceDetail")),
          ...changeErrors,
          "409": errorResponse("The slug is taken."),
        },
      },
    },
    "/services/{slug}": {
      get: {
        tags: ["Services"],
        operationId: "getService",
        summary: "Get a service",
        parameters: [slugParameter("slug", "The service's slug.")],
        responses: {
          "200": jsonResponse("The service with its owners, links and versions.", schemaRef("ServiceDetail")),
          "404": errorResponse("No service has this slug."),
        },
      },
      patch: {
        tags: ["Services"],
        operationId: "updateService",
        summary: "Edit a service",
        description: "Maintainers of an owning team, tokens in scope and admins. Setting `lifecycle` to `retired` archives the service.",
        parameters: [slugParameter("slug", "The service's slug.")],
        ...mutation,
        requestBody: jsonBody(schemaRef("ServiceUpdate")),
        responses: { "200": jsonResponse("The service as it is now.", schemaRef("ServiceDetail")), ...changeErrors, "404": errorResponse("No service has this slug.") },
      },
    },
    "/services/{slug}/transfer": {
      post: {
        tags: ["Services"],
        operationId: "transferService",
        summary: "Transfer primary ownership",
        parameters: [slugParameter("slug", "The service's slug.")],
        ...mutation,
        requestBody: jsonBody({
          type: "object",
          required: ["primaryOwner"],
          additionalProperties: false,
          properties: { primaryOwner: schemaRef("Slug"), keepPreviousOwner: { type: "boolean", default: true } },
        }),
        responses: { "200": jsonResponse("The service as it is now.", schemaRef("ServiceDetail")), ...changeErrors, "404": errorResponse("No service has this slug.") },
      },
    },
    "/services/{slug}/archive": {
      post: {
        tags: ["Services"],
        operationId: "archiveService",
        summary: "Archive a service",
        description: "The service becomes retired: readable, with its history, but hidden from the default catalogue view.",
        parameters: [slugParameter("slug", "The service's slug.")],
        ...mutation,
        responses: { "200": jsonResponse("The archived service.", schemaRef("ServiceDetail")), ...changeErrors, "404": errorResponse("No service has this slug.") },
      },
    },
    "/services/{slug}/history": {
      get: {
        tags: ["Audit"],
        operationId: "getServiceHistory",
        summary: "A service's change history",
        parameters: [
          slugParameter("slug", "The service's slug."),
          { name: "before", in: "query", description: "Only entries older than this time (paging).", schema: { type: "string", format: "date-time" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: { "200": jsonResponse("Entries, newest first.", itemsOf("AuditEntry")), "404": errorResponse("No service has this slug.") },
      },
    },
    "/services/{slug}/versions": {
      get: {
        tags: ["Versions"],
        operationId: "listServiceVersions",
        summary: "List a service's API versions",
        parameters: [slugParameter("slug", "The service's slug.")],
        responses: {
          "200": jsonResponse("Versions, newest first.", itemsOf("Version")),
          "404": errorResponse("No service has this slug."),
        },
      },
      post: {
        tags: ["Versions"],
        operationId: "publishVersion",
        summary: "Publish an API description",
        description:
          "One Swagger 2.0 / OpenAPI 3.0 / 3.1 document as JSON or YAML, or a multi-file bundle as `application/vnd.wayfinder.bundle+json` (`{ \"root\": \"openapi.yaml\", \"files\": { \"<path>\": \"<text>\" } }`; `$ref`s may reach only the bundle's files). Content already stored is a no-op (200); new content under the same `info.version` is a new revision. Limits: WAYFINDER_MAX_DOCUMENT_BYTES (20 MB), WAYFINDER_MAX_YAML_ALIASES, WAYFINDER_MAX_DOCUMENT_DEPTH, WAYFINDER_MAX_REFS, WAYFINDER_MAX_BUNDLE_FILES.",
        parameters: [
          slugParameter("slug", "The service's slug."),
          { name: "dryRun", in: "query", description: "`true`: run the pipeline and report, store nothing.", schema: { type: "boolean" } },
          { name: "origin", in: "query", description: "How the document arrived, recorded on the version.", schema: { enum: ["push", "upload"], default: "push" } },
        ],
        ...mutation,
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", description: "The API description." } },
            "application/yaml": { schema: { type: "string" } },
            "application/vnd.wayfinder.bundle+json": { schema: { type: "object", required: ["root", "files"], properties: { root: { type: "string" }, files: { type: "object", additionalProperties: { type: "string" } } } } },
          },
        },
        responses: {
          "201": jsonResponse("Stored as a new version or revision.", schemaRef("PublishResult")),
          "200": jsonResponse("Already stored (`outcome: unchanged`), or valid in a dry run (`outcome: valid`).", schemaRef("PublishResult")),
          ...changeErrors,
          "404": errorResponse("No service has this slug."),
          "413": errorResponse("A limit was exceeded; the message names it and its setting."),
          "422": errorResponse("The document is invalid; `details.problems` lists each problem with its JSON pointer or line."),
        },
      },
    },
    "/services/{slug}/source": {
      get: {
        tags: ["Versions"],
        operationId: "getServiceSource",
        summary: "The service's document URL and its status",
        parameters: [slugParameter("slug", "The service's slug.")],
        responses: { "200": jsonResponse("The source, or null when the service has none.", { type: "object", required: ["source"], properties: { source: { oneOf: [schemaRef("SourceStatus"), { type: "null" }] } } }), "404": errorResponse("No service has this slug.") },
      },
      put: {
        tags: ["Versions"],
        operationId: "setServiceSource",
        summary: "Set the document URL, and fetch it now",
        description: "The portal then polls it (ETag / If-Modified-Since). Private, loopback, link-local and metadata addresses are refused unless WAYFINDER_FETCH_ALLOW lists them.",
        parameters: [slugParameter("slug", "The service's slug.")],
        ...mutation,
        requestBody: jsonBody({ type: "object", required: ["url"], properties: { url: { type: "string", format: "uri" }, pollIntervalMinutes: { type: "integer", minimum: 1, maximum: 1440, default: 15 } } }),
        responses: { "200": jsonResponse("The first fetch's outcome and the source's status.", schemaRef("RefreshResult")), ...changeErrors, "404": errorResponse("No service has this slug.") },
      },
      delete: {
        tags: ["Versions"],
        operationId: "removeServiceSource",
        summary: "Stop polling (versions stay)",
        parameters: [slugParameter("slug", "The service's slug.")],
        ...mutation,
        responses: { "204": { description: "Removed." }, ...changeErrors, "404": errorResponse("No service has this slug.") },
      },
    },
    "/services/{slug}/source/refresh": {
      post: {
        tags: ["Versions"],
        operationId: "refreshServiceSource",
        summary: "Refresh now",
        parameters: [slugParameter("slug", "The service's slug.")],
        ...mutation,
        responses: { "200": jsonResponse("The fetch's outcome and the source's status.", schemaRef("RefreshResult")), ...changeErrors, "404": errorResponse("No such service, or it has no document URL.") },
      },
    },
    "/services/{slug}/versions/{version}/document": {
      get: {
        tags: ["Versions"],
        operationId: "getVersionDocument",
        summary: "Get the OpenAPI document of a version",
        description: "The document exactly as stored (normalised to JSON, in the author's key order). Without `revision`, the newest revision of the version.",
        parameters: [
          slugParameter("slug", "The service's slug."),
          { name: "version", in: "path", required: true, description: "The version label (`info.version`).", schema: { type: "string" } },
          { name: "revision", in: "query", schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          "200": {
            description: "The document.",
            headers: {
              ETag: { description: "The document's content hash.", schema: { type: "string" } },
              "X-Wayfinder-Spec-Format": { schema: { $ref: "#/components/schemas/SpecFormat" } },
              "X-Wayfinder-Revision": { schema: { type: "integer" } },
            },
            content: { "application/json": { schema: { type: "object", description: "A Swagger 2.0, OpenAPI 3.0 or OpenAPI 3.1 document." } } },
          },
          "304": { description: "The document has not changed since the ETag given in `If-None-Match`." },
          "404": errorResponse("No such service, version or revision."),
        },
      },
    },
    "/teams": {
      get: {
        tags: ["Teams"],
        operationId: "listTeams",
        summary: "List teams",
        responses: {
          "200": jsonResponse("Every team, by name.", itemsOf("TeamSummary")),
        },
      },
      post: {
        tags: ["Teams"],
        operationId: "createTeam",
        summary: "Create a team",
        description: "Admins only, or anyone signed in when WAYFINDER_OPEN_TEAMS=true. The creator becomes its first maintainer.",
        ...mutation,
        requestBody: jsonBody(schemaRef("TeamInput")),
        responses: { "201": jsonResponse("The new team.", schemaRef("TeamDetail")), ...changeErrors, "409": errorResponse("The slug is taken.") },
      },
    },
    "/teams/{slug}": {
      get: {
        tags: ["Teams"],
        operationId: "getTeam",
        summary: "Get a team and the services it owns",
        parameters: [slugParameter("slug", "The team's slug.")],
        responses: {
          "200": jsonResponse("The team.", schemaRef("TeamDetail")),
          "404": errorResponse("No team has this slug."),
        },
      },
      patch: {
        tags: ["Teams"],
        operationId: "updateTeam",
        summary: "Edit a team",
        parameters: [slugParameter("slug", "The team's slug.")],
        ...mutation,
        requestBody: jsonBody(schemaRef("TeamUpdate")),
        responses: { "200": jsonResponse("The team as it is now.", schemaRef("TeamDetail")), ...changeErrors, "404": errorResponse("No team has this slug.") },
      },
    },
    "/teams/{slug}/members": {
      get: {
        tags: ["People"],
        operationId: "listTeamMembers",
        summary: "A team's members",
        parameters: [slugParameter("slug", "The team's slug.")],
        responses: { "200": jsonResponse("Members, maintainers first.", itemsOf("Member")), "404": errorResponse("No team has this slug.") },
      },
      put: {
        tags: ["People"],
        operationId: "setTeamMember",
        summary: "Add a member or change their role",
        description: "The team's maintainers and admins. Someone who has not signed in yet is added by email.",
        parameters: [slugParameter("slug", "The team's slug.")],
        ...mutation,
        requestBody: jsonBody({ type: "object", required: ["email"], properties: { email: { type: "string", format: "email" }, role: { enum: ["member", "maintainer"], default: "member" } } }),
        responses: { "200": jsonResponse("The members now.", itemsOf("Member")), ...changeErrors, "404": errorResponse("No team has this slug.") },
      },
    },
    "/teams/{slug}/members/{email}": {
      delete: {
        tags: ["People"],
        operationId: "removeTeamMember",
        summary: "Remove a member",
        parameters: [slugParameter("slug", "The team's slug."), { name: "email", in: "path", required: true, schema: { type: "string", format: "email" } }],
        ...mutation,
        responses: { "204": { description: "Removed." }, ...changeErrors, "404": errorResponse("No such team or member.") },
      },
    },
    "/teams/{slug}/tokens": {
      get: {
        tags: ["People"],
        operationId: "listTeamTokens",
        summary: "A team's API tokens (never the tokens themselves)",
        parameters: [slugParameter("slug", "The team's slug.")],
        ...mutation,
        responses: { "200": jsonResponse("Tokens, newest first.", itemsOf("TokenSummary")), "401": changeErrors["401"], "403": changeErrors["403"], "404": errorResponse("No team has this slug.") },
      },
      post: {
        tags: ["People"],
        operationId: "createTeamToken",
        summary: "Create an API token",
        description: "For the team's services, or one service it owns. The token is in this response only; Wayfinder keeps its hash.",
        parameters: [slugParameter("slug", "The team's slug.")],
        security: [{ session: [] }],
        requestBody: jsonBody({
          type: "object",
          required: ["name"],
          properties: { name: { type: "string", maxLength: 80 }, service: { oneOf: [schemaRef("Slug"), { type: "null" }] }, expiresInDays: { type: ["integer", "null"], minimum: 1, maximum: 365, default: 90 } },
        }),
        responses: { "201": jsonResponse("The token, shown once.", schemaRef("NewToken")), ...changeErrors, "404": errorResponse("No team has this slug.") },
      },
    },
    "/tokens/{id}": {
      delete: {
        tags: ["People"],
        operationId: "revokeToken",
        summary: "Revoke an API token",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        ...mutation,
        responses: {
          "200": jsonResponse("Revoked (again is no error).", { type: "object", required: ["id", "revokedAt"], properties: { id: { type: "string" }, revokedAt: { type: "string", format: "date-time" } } }),
          ...changeErrors,
          "404": errorResponse("No such token."),
        },
      },
    },
    "/me": {
      get: {
        tags: ["People"],
        operationId: "getCaller",
        summary: "Who is calling",
        responses: { "200": jsonResponse("The caller: a person with their teams, a token with its scope, or anonymous.", { type: "object", required: ["kind"], properties: { kind: { enum: ["user", "token", "anonymous"] } } }) },
      },
    },
    "/me/onboarding": {
      get: {
        tags: ["People"],
        operationId: "listOnboardingTicks",
        summary: "The onboarding checklist items the signed-in person has ticked",
        security: [{ session: [] }],
        responses: { "200": jsonResponse("Ticked item ids.", { type: "object", required: ["items"], properties: { items: { type: "array", items: { type: "string" } } } }), "401": changeErrors["401"], "403": changeErrors["403"] },
      },
    },
    "/me/onboarding/{itemId}": {
      put: {
        tags: ["People"],
        operationId: "tickOnboardingItem",
        summary: "Tick an onboarding checklist item",
        parameters: [{ name: "itemId", in: "path", required: true, schema: schemaRef("Slug") }],
        security: [{ session: [] }],
        responses: { "204": { description: "Ticked." }, "401": changeErrors["401"], "403": changeErrors["403"], "404": errorResponse("No such checklist item.") },
      },
      delete: {
        tags: ["People"],
        operationId: "untickOnboardingItem",
        summary: "Untick an onboarding checklist item",
        parameters: [{ name: "itemId", in: "path", required: true, schema: schemaRef("Slug") }],
        security: [{ session: [] }],
        responses: { "204": { description: "Unticked." }, "401": changeErrors["401"], "403": changeErrors["403"], "404": errorResponse("No such checklist item.") },
      },
    },
    "/audit": {
      get: {
        tags: ["Audit"],
        operationId: "listAuditEntries",
        summary: "The portal-wide audit log (admins)",
        parameters: [
          { name: "service", in: "query", schema: schemaRef("Slug") },
          { name: "team", in: "query", schema: schemaRef("Slug") },
          { name: "action", in: "query", description: "An action or its prefix, e.g. `service.` or `token.create`.", schema: { type: "string" } },
          { name: "actor", in: "query", description: "Part of the actor's email or token name.", schema: { type: "string" } },
          { name: "before", in: "query", schema: { type: "string", format: "date-time" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        ...mutation,
        responses: { "200": jsonResponse("Entries, newest first.", itemsOf("AuditEntry")), "401": changeErrors["401"], "403": changeErrors["403"] },
      },
    },
    "/import/backstage": {
      post: {
        tags: ["Import"],
        operationId: "importBackstage",
        summary: "Import Backstage catalog-info.yaml documents (admins)",
        description: "Groups become teams; Components and APIs services; an API's inline OpenAPI definition a version of the service that provides it. Send `{ \"yaml\": \"…\" }` or the YAML itself as `application/yaml`.",
        security: [{ session: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", required: ["yaml"], properties: { yaml: { type: "string" } } } },
            "application/yaml": { schema: { type: "string" } },
          },
        },
        responses: { "200": jsonResponse("What happened to each entity, and why.", schemaRef("ImportResult")), ...changeErrors },
      },
    },
    "/openapi.json": {
      get: {
        tags: ["Meta"],
        operationId: "getOpenApiDocument",
        summary: "This document",
        responses: { "200": jsonResponse("Wayfinder's OpenAPI 3.1 description.", { type: "object" }) },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: { type: "http", scheme: "bearer", description: "An API token created on a team page (`wf_…`)." },
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session after signing in." },
    },
    schemas: {
      Slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 63, examples: ["payments-api"] },
      Lifecycle: { type: "string", enum: ["experimental", "production", "deprecated", "retired"] },
      SpecFormat: { type: "string", enum: ["swagger-2.0", "openapi-3.0", "openapi-3.1"] },
      TeamRef: {
        type: "object",
        required: ["slug", "name"],
        properties: { slug: { $ref: "#/components/schemas/Slug" }, name: { type: "string" } },
      },
      VersionRef: {
        type: "object",
        required: ["version", "revision", "format", "operationCount", "createdAt"],
        properties: {
          version: { type: "string" },
          revision: { type: "integer", minimum: 1 },
          format: { $ref: "#/components/schemas/SpecFormat" },
          operationCount: { type: "integer", minimum: 0 },
          createdAt: { type: "string", format: "date-time" },
        },
      },
      Version: {
        type: "object",
        required: ["version", "revision", "format", "title", "operationCount", "sizeBytes", "contentHash", "origin", "isCurrent", "createdAt"],
        properties: {
          version: { type: "string" },
          revision: { type: "integer", minimum: 1 },
          format: { $ref: "#/components/schemas/SpecFormat" },
          title: { type: "string" },
          operationCount: { type: "integer", minimum: 0 },
          sizeBytes: { type: "integer", minimum: 0 },
          contentHash: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
          origin: { enum: ["seed", "push", "upload", "url", "import"], description: "How the version reached the portal." },
          isCurrent: { type: "boolean", description: "Whether the service serves this version by default." },
          createdAt: { type: "string", format: "date-time" },
        },
      },
      ServiceSummary: {
        type: "object",
        required: ["slug", "name", "description", "lifecycle", "tier", "tags", "primaryOwner", "latestVersion", "updatedAt"],
        properties: {
          slug: { $ref: "#/components/schemas/Slug" },
          name: { type: "string" },
          description: { type: "string" },
          lifecycle: { $ref: "#/components/schemas/Lifecycle" },
          tier: { type: "integer", minimum: 1, maximum: 4, description: "1 is the most critical." },
          tags: { type: "array", items: { type: "string" } },
          primaryOwner: { oneOf: [{ $ref: "#/components/schemas/TeamRef" }, { type: "null" }] },
          latestVersion: { oneOf: [{ $ref: "#/components/schemas/VersionRef" }, { type: "null" }] },
          updatedAt: { type: "string", format: "date-time" },
        },
      },
      ServicePage: {
        type: "object",
        required: ["items", "total", "page", "pageSize"],
        properties: {
          items: { type: "array", items: { $ref: "#/components/schemas/ServiceSummary" } },
          total: { type: "integer", minimum: 0 },
          page: { type: "integer", minimum: 1 },
          pageSize: { type: "integer", minimum: 1 },
        },
      },
      ServiceDetail: {
        type: "object",
        required: ["slug", "name", "description", "lifecycle", "tier", "tags", "repositoryUrl", "owners", "links", "versions", "createdAt", "updatedAt"],
        properties: {
          slug: { $ref: "#/components/schemas/Slug" },
          name: { type: "string" },
          description: { type: "string" },
          lifecycle: { $ref: "#/components/schemas/Lifecycle" },
          tier: { type: "integer", minimum: 1, maximum: 4 },
          tags: { type: "array", items: { type: "string" } },
          repositoryUrl: { type: ["string", "null"], format: "uri" },
          owners: {
            type: "array",
            items: { allOf: [{ $ref: "#/components/schemas/TeamRef" }, { type: "object", required: ["isPrimary"], properties: { isPrimary: { type: "boolean" } } }] },
          },
          links: {
            type: "array",
            items: {
              type: "object",
              required: ["kind", "label", "url"],
              properties: { kind: { enum: ["runbook", "dashboard", "docs", "chat", "other"] }, label: { type: "string" }, url: { type: "string", format: "uri" } },
            },
          },
          versions: { type: "array", items: { $ref: "#/components/schemas/Version" } },
          createdAt: { type: "string", format: "date-time" },
          updatedAt: { type: "string", format: "date-time" },
        },
      },
      TeamSummary: {
        type: "object",
        required: ["slug", "name", "description", "chatChannel", "email", "serviceCount", "primaryServiceCount"],
        properties: {
          slug: { $ref: "#/components/schemas/Slug" },
          name: { type: "string" },
          description: { type: "string" },
          chatChannel: { type: ["string", "null"] },
          email: { type: ["string", "null"] },
          serviceCount: { type: "integer", minimum: 0 },
          primaryServiceCount: { type: "integer", minimum: 0 },
        },
      },
      TeamDetail: {
        type: "object",
        required: ["slug", "name", "description", "chatChannel", "email", "services"],
        properties: {
          slug: { $ref: "#/components/schemas/Slug" },
          name: { type: "string" },
          description: { type: "string" },
          chatChannel: { type: ["string", "null"] },
          email: { type: ["string", "null"] },
          services: {
            type: "array",
            items: { allOf: [{ $ref: "#/components/schemas/ServiceSummary" }, { type: "object", required: ["isPrimaryOwner"], properties: { isPrimaryOwner: { type: "boolean" } } }] },
          },
        },
      },
      PublishResult: {
        type: "object",
        required: ["outcome", "format", "title", "version", "contentHash", "operationCount", "sizeBytes"],
        properties: {
          outcome: { enum: ["created", "unchanged", "valid"] },
          format: schemaRef("SpecFormat"),
          title: { type: "string" },
          version: { type: "string" },
          revision: { type: "integer", minimum: 1 },
          contentHash: { type: "string" },
          operationCount: { type: "integer", minimum: 0 },
          sizeBytes: { type: "integer", minimum: 0 },
        },
      },
      SourceStatus: {
        type: "object",
        required: ["url", "pollIntervalMinutes", "lastAttemptAt", "lastSuccessAt", "lastError", "nextPollAt", "servedVersion"],
        properties: {
          url: { type: "string", format: "uri" },
          pollIntervalMinutes: { type: "integer" },
          lastAttemptAt: { type: ["string", "null"], format: "date-time" },
          lastSuccessAt: { type: ["string", "null"], format: "date-time" },
          lastError: { type: ["string", "null"], description: "The last failure in plain words, with where the document is wrong; null after a success." },
          lastErrorDetails: {},
          nextPollAt: { type: ["string", "null"], format: "date-time" },
          servedVersion: { oneOf: [{ type: "object", properties: { version: { type: "string" }, revision: { type: "integer" } } }, { type: "null" }] },
        },
      },
      RefreshResult: {
        type: "object",
        required: ["refresh", "source"],
        properties: {
          refresh: { type: "object", required: ["status"], properties: { status: { enum: ["published", "not-modified", "failed"] }, error: { type: "string" }, result: {} } },
          source: schemaRef("SourceStatus"),
        },
      },
      Link: {
        type: "object",
        required: ["kind", "label", "url"],
        properties: { kind: { enum: ["runbook", "dashboard", "docs", "chat", "other"] }, label: { type: "string", maxLength: 60 }, url: { type: "string", format: "uri" } },
      },
      ServiceUpdate: { type: "object", additionalProperties: false, properties: serviceFields },
      ServiceInput: {
        type: "object",
        additionalProperties: false,
        required: ["slug", "name", "primaryOwner"],
        properties: {
          ...serviceFields,
          slug: schemaRef("Slug"),
          primaryOwner: schemaRef("Slug"),
          documentUrl: { type: ["string", "null"], format: "uri", description: "Set as the service's document URL and fetched at once (its outcome shows on the service's source)." },
        },
      },
      TeamUpdate: { type: "object", additionalProperties: false, properties: teamFields },
      TeamInput: { type: "object", additionalProperties: false, required: ["slug", "name"], properties: { ...teamFields, slug: schemaRef("Slug") } },
      Member: {
        type: "object",
        required: ["email", "name", "role", "since"],
        properties: { email: { type: "string", format: "email" }, name: { type: "string" }, role: { enum: ["member", "maintainer"] }, since: { type: "string", format: "date-time" } },
      },
      TokenSummary: {
        type: "object",
        required: ["id", "name", "prefix", "service", "createdBy", "createdAt", "expiresAt", "lastUsedAt", "revokedAt"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          prefix: { type: "string", description: "The token's first characters, to recognise it." },
          service: { type: ["string", "null"], description: "The one service it may change; null for all the team's services." },
          createdBy: { type: "string" },
          createdAt: { type: "string", format: "date-time" },
          expiresAt: { type: ["string", "null"], format: "date-time" },
          lastUsedAt: { type: ["string", "null"], format: "date-time" },
          revokedAt: { type: ["string", "null"], format: "date-time" },
        },
      },
      NewToken: {
        type: "object",
        required: ["id", "name", "prefix", "team", "service", "expiresAt", "createdAt", "token"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          prefix: { type: "string" },
          team: schemaRef("Slug"),
          service: { type: ["string", "null"] },
          expiresAt: { type: ["string", "null"], format: "date-time" },
          createdAt: { type: "string", format: "date-time" },
          token: { type: "string", pattern: "^wf_", description: "Shown once. Send as `Authorization: Bearer <token>`." },
        },
      },
      AuditEntry: {
        type: "object",
        required: ["id", "at", "actor", "action", "entityType", "entityKey", "before", "after"],
        properties: {
          id: { type: "string" },
          at: { type: "string", format: "date-time" },
          actor: { type: "object", required: ["kind", "label"], properties: { kind: { enum: ["user", "token", "system"] }, label: { type: "string" } } },
          action: { type: "string", examples: ["service.update"] },
          entityType: { enum: ["service", "team", "membership", "token", "import"] },
          entityKey: { type: ["string", "null"] },
          before: {},
          after: {},
        },
      },
      ImportResult: {
        type: "object",
        required: ["outcomes"],
        properties: {
          outcomes: {
            type: "array",
            items: {
              type: "object",
              required: ["document", "kind", "name", "action"],
              properties: {
                document: { type: "integer", minimum: 1 },
                kind: { type: "string" },
                name: { type: "string" },
                action: { enum: ["created", "updated", "unchanged", "skipped", "failed"] },
                target: { type: "string" },
                reason: { type: "string" },
              },
            },
          },
        },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                enum: ["BAD_REQUEST", "VALIDATION_FAILED", "INVALID_DOCUMENT", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "TOO_MANY_REQUESTS", "FETCH_REFUSED", "FETCH_FAILED", "DATABASE_IN_USE", "DATABASE_UNAVAILABLE", "CONFIGURATION_INVALID", "INTERNAL"],
              },
              message: { type: "string" },
              details: {},
            },
          },
        },
      },
    },
  },
} as const;
