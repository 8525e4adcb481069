import { z } from "zod";
import { documentQuerySchema, publishQuerySchema } from "../request-schemas";
import * as r from "../response-schemas";
import { slug, serviceParams, json, error, changeErrors, noService, documentBodies, type Operation } from "../operation-parts";

/** Event APIs (AsyncAPI): a contract kind of its own on a service, with its own versions. */
export const eventOperations = {
  listEventVersions: {
    method: "get",
    path: "/services/{slug}/event-versions",
    tags: ["Event APIs"],
    summary: "List a service's event API versions",
    access: "read",
    params: serviceParams,
    responses: { 200: json("Event API versions, newest first (none when the service has no event API).", r.itemsOf(r.eventVersionSchema)), ...noService },
  },
  publishEventVersion: {
    method: "post",
    path: "/services/{slug}/event-versions",
    tags: ["Event APIs"],
    summary: "Publish an event API description",
    description:
      "An AsyncAPI 2.x or 3.0 document (1.x is converted to 2.6.0 and stored as converted) as JSON or YAML, or a multi-file bundle as `application/vnd.wayfinder.bundle+json`, validated by the AsyncAPI Initiative's parser within the same limits as OpenAPI documents; nothing it names is fetched. Content already stored is a no-op (200); new content under the same `info.version` is a new revision. Compared with the version it follows, direction-aware (a message the service sends is compared as a response, one it receives as a request body); the service's `block` policy refuses breaking changes no approval covers (409) unless `acceptBreaking` gives a reason. Those who may edit the service; audited.",
    access: "change",
    params: serviceParams,
    query: publishQuerySchema.pick({ origin: true, acceptBreaking: true, dryRun: true }),
    otherBodies: documentBodies("The AsyncAPI document."),
    responses: {
      201: json("Stored as a new version or revision.", r.eventPublishResultSchema),
      200: json(
        "Already stored (`outcome: unchanged`), or publishable in a dry run (`outcome: valid`: what publishing would do, policy included).",
        r.eventPublishResultSchema,
      ),
      ...changeErrors,
      409: error("Breaking changes the service's `block` policy refuses; `details.changes` lists them."),
      ...noService,
      413: error("A limit was exceeded; the message names it and its setting."),
      422: error("Not an AsyncAPI document, or an invalid one; `details.problems` lists each problem with its JSON pointer."),
    },
  },
  getEventVersionDocument: {
    method: "get",
    path: "/services/{slug}/event-versions/{version}/document",
    tags: ["Event APIs"],
    summary: "Get the AsyncAPI document of an event API version",
    description:
      "The document as stored (normalised to JSON, in the author's key order; a 1.x document as converted). Without `revision`, the newest revision of the version.",
    access: "read",
    params: z.object({ slug: slug("service"), version: z.string().meta({ description: "The version label (`info.version`)." }) }),
    query: documentQuerySchema.extend({
      form: z.enum(["stored", "parsed"]).default("stored").meta({
        description:
          "`stored`: the document as stored. `parsed`: as the AsyncAPI parser reads it, references resolved and serialised with the parser's `stringify` (circular ones kept as references), which the AsyncAPI React component renders.",
      }),
    }),
    responses: {
      200: json("The document.", z.record(z.string(), z.unknown()).meta({ description: "An AsyncAPI 2.x or 3.0 document." })),
      404: error("No such service, version or revision."),
    },
  },
} as const satisfies Record<string, Operation>;
