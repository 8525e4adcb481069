import { z } from "zod";
import { BREAKING_POLICIES } from "@/lib/approvals/breaking-policy";
import { isoDate, nullableDate, slugRef, lifecycleSchema, specFormatSchema, linkKind, teamRefSchema, versionRefSchema } from "./common";

/** Services, their versions as listed, teams, members and tokens, as the REST API answers them. */
export const versionSchema = z
  .object({
    version: z.string(),
    revision: z.int().min(1),
    format: specFormatSchema,
    title: z.string(),
    operationCount: z.int().min(0),
    sizeBytes: z.int().min(0),
    contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    origin: z.enum(["seed", "push", "upload", "url", "import"]).meta({ description: "How the version reached the portal." }),
    changes: z
      .object({
        base: z.object({ version: z.string(), revision: z.int().min(1) }),
        breaking: z.int().min(0),
        warning: z.int().min(0),
        info: z.int().min(0),
        semverViolation: z.boolean(),
        acceptedBreakingReason: z.string().nullable(),
      })
      .nullable()
      .meta({ description: "What changed against the version it was compared with when published; null for a first version." }),
    isCurrent: z.boolean().meta({ description: "Whether the service serves this version by default." }),
    createdAt: isoDate,
  })
  .meta({ id: "Version" });

export const serviceSummarySchema = z
  .object({
    slug: slugRef,
    name: z.string(),
    description: z.string(),
    lifecycle: lifecycleSchema,
    tier: z.int().min(1).max(4).meta({ description: "1 is the most critical." }),
    tags: z.array(z.string()),
    primaryOwner: teamRefSchema.nullable(),
    latestVersion: versionRefSchema.nullable(),
    eventApi: z
      .object({
        version: z.string(),
        revision: z.int().min(1),
        asyncapi: z.string().meta({ description: "The document's `asyncapi` field (2.x documents are kept as 2.x, 1.x ones converted to 2.6.0)." }),
        channelCount: z.int().min(0),
        operationCount: z.int().min(0),
        messageCount: z.int().min(0),
      })
      .nullable()
      .meta({ description: "The newest version of the service's event API (AsyncAPI); null when it has none." }),
    level: z
      .string()
      .nullable()
      .meta({ description: "Its scorecard level (governance/scorecards.yaml); null below the first level or before it is computed." }),
    updatedAt: isoDate,
  })
  .meta({ id: "ServiceSummary" });

export const servicePageSchema = z
  .object({ items: z.array(serviceSummarySchema), total: z.int().min(0), page: z.int().min(1), pageSize: z.int().min(1) })
  .meta({ id: "ServicePage" });

export const serviceDetailSchema = z
  .object({
    slug: slugRef,
    name: z.string(),
    description: z.string(),
    lifecycle: lifecycleSchema,
    tier: z.int().min(1).max(4),
    tags: z.array(z.string()),
    repositoryUrl: z.string().nullable(),
    sunsetDate: z.iso.date().nullable().meta({ description: "When the service goes away (set while it is deprecated)." }),
    breakingChangePolicy: z.enum(BREAKING_POLICIES).meta({
      description:
        "What publishing breaking changes does: accepted, flagged, refused unless approved or a maintainer gives a reason, or (block-if-consumed) refused only when a change touches a declared or observed consumer.",
    }),
    owners: z.array(
      teamRefSchema
        .extend({
          isPrimary: z.boolean(),
          chatChannel: z.string().nullable(),
          email: z.string().nullable(),
          onCallUrl: z.string().nullable().meta({ description: "Where to page whoever is on call." }),
          maintainers: z.array(
            z.object({ name: z.string(), email: z.string().nullable().meta({ description: "Only for readers who are signed in (or use a token)." }) }),
          ),
        })
        .meta({ description: "An owning team, how to reach it, and its maintainers." }),
    ),
    links: z.array(z.object({ kind: linkKind, label: z.string(), url: z.string() })),
    versions: z.array(versionSchema),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .meta({ id: "ServiceDetail" });

const teamFields = {
  slug: slugRef,
  name: z.string(),
  description: z.string(),
  chatChannel: z.string().nullable(),
  email: z.string().nullable(),
  onCallUrl: z.string().nullable(),
};

export const teamSummarySchema = z.object({ ...teamFields, serviceCount: z.int().min(0), primaryServiceCount: z.int().min(0) }).meta({ id: "TeamSummary" });

export const teamDetailSchema = z
  .object({ ...teamFields, services: z.array(serviceSummarySchema.extend({ isPrimaryOwner: z.boolean() })) })
  .meta({ id: "TeamDetail" });

export const memberSchema = z
  .object({
    email: z.string().nullable().meta({ description: "Only for readers who are signed in (or use a token)." }),
    name: z.string().nullable(),
    role: z.enum(["member", "maintainer"]),
    since: isoDate,
  })
  .meta({ id: "Member" });

export const tokenSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first characters, to recognise it." }),
    service: z.string().nullable().meta({ description: "The one service it may change; null for all the team's services." }),
    createdBy: z.string(),
    createdAt: isoDate,
    expiresAt: nullableDate,
    lastUsedAt: nullableDate,
    revokedAt: nullableDate,
  })
  .meta({ id: "TokenSummary" });

export const newTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    team: slugRef,
    service: z.string().nullable(),
    expiresAt: nullableDate,
    createdAt: isoDate,
    token: z.string().regex(/^wf_/).meta({ description: "Shown once. Send as `Authorization: Bearer <token>`." }),
  })
  .meta({ id: "NewToken" });

export const revokedTokenSchema = z.object({ id: z.string(), revokedAt: isoDate }).meta({ id: "RevokedToken" });
