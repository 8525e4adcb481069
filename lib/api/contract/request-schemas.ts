import { fetchableUrl } from "@/lib/platform/http/http-url";
import { z } from "zod";
import { clientLanguages } from "@/lib/clients/client-manifest";
import { slugSchema } from "@/lib/slug";

/** Query and body schemas that belong to one route alone; the domain's own input schemas live in lib/<domain>. */
export const historyQuerySchema = z.object({
  before: z.iso.datetime().optional().meta({ description: "Only entries older than this time (paging)." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const publishQuerySchema = z.object({
  dryRun: z.enum(["true", "false"]).optional().meta({ description: "`true`: run the pipeline and report, store nothing." }),
  origin: z.enum(["push", "upload"]).default("push").meta({ description: "How the document arrived, recorded on the version." }),
  acceptBreaking: z.string().min(3, "give a reason of at least 3 characters").max(500, "must be at most 500 characters").optional().meta({
    description:
      "Publish breaking changes past the service's `block` policy, for this reason (recorded in the audit log). The service's maintainers, or a token of a team that owns it (`wayfinder publish --accept-breaking`); not a member who is not a maintainer.",
  }),
  committedAt: z.iso.datetime({ offset: true }).optional().meta({
    description:
      "When the change was committed (`wayfinder publish` sends the commit's time from git): docs freshness, a DX-SLO on /insights, runs from it to the version being published and linted.",
  }),
});

export const changesQuerySchema = z.object({ level: z.enum(["breaking", "warning", "info"]).optional().meta({ description: "Only changes at this level." }) });

export const diffQuerySchema = z.object({
  from: z.string().min(1, "is required").meta({ description: "The base version (`info.version`)." }),
  fromRevision: z.coerce.number().int().min(1).optional().meta({ description: "Its revision; the newest when left out." }),
  to: z.string().min(1, "is required").meta({ description: "The version to compare it with." }),
  toRevision: z.coerce.number().int().min(1).optional(),
  contract: z.enum(["http", "event"]).default("http").meta({
    description: "Which of the service's contracts: its HTTP API (`http`, the default) or its event API (`event`, AsyncAPI; compared direction-aware).",
  }),
});

export const recentChangesQuerySchema = z.object({
  team: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a team slug")
    .optional()
    .meta({ description: "Only services this team owns." }),
  level: z.enum(["breaking", "warning", "info"]).optional().meta({ description: "Only versions with changes at this level, and only those changes." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const documentQuerySchema = z.object({ revision: z.coerce.number().int().min(1).optional() });

export const clientQuerySchema = documentQuerySchema.extend({
  lang: z.enum(clientLanguages).meta({
    description:
      "`typescript`: openapi-typescript's types with openapi-fetch calls; `python`: dataclasses and a standard-library client, written by Wayfinder.",
  }),
});

export const operationSliceQuerySchema = documentQuerySchema
  .extend({
    // optional() inside preprocess: outside it, zod 4 would run the enum on a missing value.
    method: z.preprocess(
      (value) => (typeof value === "string" ? value.toLowerCase() : value),
      z.enum(["get", "put", "post", "delete", "options", "head", "patch", "trace"]).optional(),
    ),
    path: z.string().startsWith("/", "must start with /").max(2000).optional().meta({
      description: "The path as the document writes it, templates included (`/v1/customers/{customer}`). With `method`; without both, the document's overview.",
    }),
  })
  .refine((query) => (query.method === undefined) === (query.path === undefined), { message: "give both method and path, or neither", path: ["path"] });

export const backstageJsonBodySchema = z
  .union(
    [
      z.object({ yaml: z.string().min(1, "is empty").meta({ description: "The catalog-info.yaml documents, pasted." }) }).strict(),
      z
        .object({
          url: fetchableUrl.meta({
            description:
              "The catalog file's URL: fetched through the portal's SSRF-safe fetcher (WAYFINDER_FETCH_ALLOW for internal hosts), and `$text`/`$openapi`/`$yaml`/`$json` definitions read relative to it.",
          }),
        })
        .strict(),
    ],
    { error: 'send either { "yaml": "<catalog-info.yaml documents>" } or { "url": "<the catalog file\'s URL>" }' },
  )
  .meta({ id: "BackstageImport" });

/** `POST /diff`: two API descriptions, each a JSON object or the text of a JSON or YAML document. */
const apiDescription = z.union([z.record(z.string(), z.unknown()), z.string().min(1, "is empty")]);
export const diffBodySchema = z
  .object({
    base: apiDescription,
    revision: apiDescription,
    strict: z.boolean().optional().meta({
      description:
        "`true`: refuse a document its official schema finds invalid (422), as publishing does. By default such a document is compared and its problems listed once in `validity`.",
    }),
    service: slugSchema.optional().meta({
      description:
        "The service the documents are versions of: each breaking and potentially breaking change then names the consumers it touches (`consumers`, `impact`).",
    }),
  })
  .strict()
  .meta({ id: "DiffInput" });

export const deprecationsQuerySchema = z.object({
  within: z.coerce.number().int().min(0).max(3650).optional().meta({ description: "Only what goes away within this many days." }),
});
