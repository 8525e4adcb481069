import { z } from "zod";
import {
  changesQuerySchema,
  diffBodySchema,
  diffQuerySchema,
  clientQuerySchema,
  documentQuerySchema,
  operationSliceQuerySchema,
  publishQuerySchema,
  recentChangesQuerySchema,
} from "../request-schemas";
import * as r from "../response-schemas";
import { slug, serviceParams, json, error, changeErrors, noService, documentBodies, badQuery, type Operation } from "../operation-parts";

/** API versions: publishing, documents, slices, lint reports, changes and diffs. */
export const versionOperations = {
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
    description:
      "Of its HTTP API, or (`contract=event`) of its event API: a message the service sends is compared as a response (a property removed breaks its consumers), one it receives as a request body (a property made required breaks its producers).",
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
    otherBodies: documentBodies("The API description."),
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
  getVersionClient: {
    method: "get",
    path: "/services/{slug}/versions/{version}/client",
    tags: ["Versions"],
    summary: "Download a typed client of a version",
    description:
      "A zip with one folder: the client's sources, a README showing one call, and `wayfinder-client.json` (the version and the operations it was generated for, which `wayfinder consumes --from-client` declares). TypeScript compiles with `tsc --strict`; Python type-checks with `mypy --strict`. Swagger 2.0 is upgraded to OpenAPI 3.0 first. Generated off the main thread and kept by the document's content hash; at most two generations at a time per caller. Without `revision`, the newest revision of the version.",
    access: "read",
    params: z.object({ slug: slug("service"), version: z.string().meta({ description: "The version label (`info.version`)." }) }),
    query: clientQuerySchema,
    responses: {
      200: {
        description: "The client.",
        schema: z.string().meta({ format: "binary" }),
        mediaType: "application/zip",
        headers: { "X-Wayfinder-Revision": { schema: z.int() } },
      },
      ...badQuery,
      404: error("No such service, version or revision."),
      413: error("The document is past the generator's deadline or memory ceiling."),
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
  diffDocuments: {
    method: "post",
    path: "/diff",
    tags: ["Versions"],
    summary: "Compare two API descriptions",
    description:
      "Two documents in (Swagger 2.0, OpenAPI 3.0 or 3.1, in any combination; each a JSON object or the text of a JSON or YAML document), every change out, classified `breaking`, `warning` (potentially breaking) or `info`, with its rule id, the operation or shared component it touches, JSON pointers and a message. Reading is lenient: a document its official schema finds invalid is compared anyway and its problems are listed once in `validity` (`strict: true` refuses it instead). Nothing is stored. For tools: it needs a token or a session.",
    access: "change",
    body: diffBodySchema,
    responses: {
      200: json("The changes, breaking first, and how many of each level.", r.diffResultSchema),
      ...changeErrors,
      413: error("A document exceeds a limit; the message names it and its setting."),
      422: error(
        "A document cannot be read (not JSON or YAML, neither `openapi` nor `swagger`, a `$ref` to nothing), or with `strict` is invalid; the message says which, `details.problems` where.",
      ),
    },
  },
} as const satisfies Record<string, Operation>;
