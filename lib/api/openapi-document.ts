/**
 * Wayfinder's own REST API contract (OpenAPI 3.1). It is written first and the route handlers follow
 * it: test/integration/rest-api.test.ts validates every response against the schemas here, and the
 * portal lists Wayfinder in its own catalogue with this document.
 */
const errorResponse = (description: string) => jsonResponse(description, { $ref: "#/components/schemas/Error" });

const jsonResponse = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const itemsOf = (name: string) => ({ type: "object", required: ["items"], properties: { items: { type: "array", items: schemaRef(name) } } });

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
    version: "1.0.0",
    summary: "The developer portal's catalogue of services, teams and API descriptions.",
    description:
      "Read the catalogue that Wayfinder keeps: every service, its owning teams, lifecycle and API versions, and each version's OpenAPI document as it was published.\n\nErrors always have the shape `{ \"error\": { \"code\", \"message\", \"details\"? } }`; `code` is stable and safe to branch on.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [{ url: "/api/v1", description: "This Wayfinder instance" }],
  tags: [
    { name: "Services", description: "The API catalogue." },
    { name: "Versions", description: "Stored API descriptions of a service." },
    { name: "Teams", description: "Teams that own services." },
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
        required: ["version", "revision", "format", "title", "operationCount", "sizeBytes", "contentHash", "isCurrent", "createdAt"],
        properties: {
          version: { type: "string" },
          revision: { type: "integer", minimum: 1 },
          format: { $ref: "#/components/schemas/SpecFormat" },
          title: { type: "string" },
          operationCount: { type: "integer", minimum: 0 },
          sizeBytes: { type: "integer", minimum: 0 },
          contentHash: { type: "string", pattern: "^sha256:[0-9a-f]{64}$" },
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
                enum: ["BAD_REQUEST", "VALIDATION_FAILED", "INVALID_DOCUMENT", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "DATABASE_IN_USE", "DATABASE_UNAVAILABLE", "CONFIGURATION_INVALID", "INTERNAL"],
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
