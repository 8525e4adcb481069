import { AUDIT_ENTITY_TYPES } from "@/lib/audit/record-audit";
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import { errorStatus } from "@/lib/platform/errors";

/**
 * What Wayfinder's REST API answers, as zod schemas: the source of the response schemas in
 * /api/v1/openapi.json (each `id` becomes a component). The request schemas are the ones the handlers
 * enforce, in lib/<domain>/*-input.ts; both meet in operations.ts.
 */
const isoDate = z.iso.datetime({ offset: true });
const nullableDate = isoDate.nullable();

export const slugRef = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(63)
  .meta({ id: "Slug", examples: ["payments-api"] });
export const lifecycleSchema = z.enum(["experimental", "production", "deprecated", "retired"]).meta({ id: "Lifecycle" });
export const specFormatSchema = z.enum(["swagger-2.0", "openapi-3.0", "openapi-3.1"]).meta({ id: "SpecFormat" });
const linkKind = z.enum(["runbook", "dashboard", "docs", "chat", "other"]);

export const teamRefSchema = z.object({ slug: slugRef, name: z.string() }).meta({ id: "TeamRef" });

export const versionRefSchema = z
  .object({ version: z.string(), revision: z.int().min(1), format: specFormatSchema, operationCount: z.int().min(0), createdAt: isoDate })
  .meta({ id: "VersionRef" });

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
    breakingChangePolicy: z
      .enum(["allow", "warn", "block"])
      .meta({ description: "What publishing breaking changes does: accepted, flagged, or refused unless a maintainer gives a reason." }),
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

const publishDiffSchema = z
  .object({
    base: z
      .object({ version: z.string(), revision: z.int().min(1) })
      .meta({ description: "The version it was compared with: the previous revision of the same version, else the highest earlier version." }),
    summary: z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) }),
    semverViolation: z.boolean().meta({ description: "Breaking changes without a new major version (a new minor while the major is 0)." }),
    acceptedBreakingReason: z.string().nullable(),
  })
  .meta({ id: "PublishDiff" });

export const publishPreviewSchema = z
  .object({
    policy: z.enum(["allow", "warn", "block"]),
    base: z.object({ version: z.string(), revision: z.int() }).nullable().meta({ description: "The version it would follow; null for a first version." }),
    summary: z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) }).nullable(),
    semverViolation: z.boolean(),
    refused: z.boolean().meta({ description: "Publishing it as it is would be refused (409): breaking changes under `block`." }),
    mayAcceptBreaking: z.boolean().meta({
      description: "Whether the caller may publish it anyway with `acceptBreaking=<reason>` (the service's maintainers, or a token of a team that owns it).",
    }),
    unchanged: z.boolean().meta({ description: "The content is already stored: publishing would change nothing." }),
  })
  .meta({ id: "PublishPreview" });

export const publishResultSchema = z
  .object({
    diff: publishDiffSchema
      .nullable()
      .optional()
      .meta({ description: "What changed against the version it follows; null for a first version; absent in a dry run or when unchanged." }),
    outcome: z.enum(["created", "unchanged", "valid"]),
    kind: z.enum(["version", "revision", "unchanged"]).optional().meta({
      description: "`revision`: the same `info.version` as a stored version, other content, so it replaced what that version shows. Absent in a dry run.",
    }),
    message: z.string().optional().meta({ description: "What happened, in words (absent in a dry run)." }),
    format: specFormatSchema,
    title: z.string(),
    version: z.string(),
    revision: z.int().min(1).optional(),
    contentHash: z.string(),
    operationCount: z.int().min(0),
    sizeBytes: z.int().min(0),
    preview: publishPreviewSchema.optional().meta({ description: "In a dry run: what publishing it would do under the service's policy." }),
  })
  .meta({ id: "PublishResult" });

export const sourceStatusSchema = z
  .object({
    url: z.string(),
    pollIntervalMinutes: z.int(),
    lastAttemptAt: nullableDate,
    lastSuccessAt: nullableDate,
    failing: z.boolean().meta({ description: "Whether the last refresh failed." }),
    lastError: z
      .string()
      .nullable()
      .meta({ description: "Why the last refresh failed, in plain words (for the service's editors; null for other readers and after a success)." }),
    lastErrorDetails: z.unknown(),
    nextPollAt: nullableDate,
    servedVersion: z.object({ version: z.string(), revision: z.int() }).nullable(),
  })
  .meta({ id: "SourceStatus" });

export const sourceResponseSchema = z.object({ source: sourceStatusSchema.nullable() });

export const refreshResultSchema = z
  .object({
    refresh: z.object({ status: z.enum(["published", "not-modified", "failed"]), error: z.string().optional(), result: z.unknown().optional() }),
    source: sourceStatusSchema.nullable(),
  })
  .meta({ id: "RefreshResult" });

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

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: isoDate,
    actor: z.object({ kind: z.enum(["user", "token", "system"]), label: z.string() }),
    action: z.string().meta({ examples: ["service.update"] }),
    entityType: z.enum(AUDIT_ENTITY_TYPES),
    entityKey: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });

export const importResultSchema = z
  .object({
    outcomes: z.array(
      z.object({
        document: z.int().min(1),
        kind: z.string(),
        name: z.string(),
        action: z.enum(["created", "updated", "unchanged", "skipped", "failed"]),
        target: z.string().optional(),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "ImportResult" });

export const callerSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("user"),
      email: z.string(),
      name: z.string(),
      isAdmin: z.boolean(),
      teams: z.array(teamRefSchema.extend({ role: z.enum(["member", "maintainer"]) })),
    }),
    z.object({ kind: z.literal("token"), label: z.string(), team: z.string().nullable(), service: z.string().nullable() }),
    z.object({ kind: z.literal("anonymous") }),
  ])
  .meta({ id: "Caller" });

export const onboardingTicksSchema = z.object({ items: z.array(z.string()) });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

/** `{ items: [...] }`, the shape of every list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const changeSchema = z
  .object({
    id: z.string().meta({ description: "The rule, kebab-case and stable, e.g. `request-parameter-became-required`." }),
    level: z.enum(["breaking", "warning", "info"]).meta({ description: "`warning`: potentially breaking." }),
    operation: z.string().optional().meta({ description: "`METHOD /path` of the operation it touches." }),
    component: z.string().optional().meta({ description: "The component it touches: a schema shared by several operations, a security scheme, a webhook." }),
    operations: z
      .array(z.string())
      .optional()
      .meta({ description: "For a change inside a shared schema: the first ten operations that reach it, sorted (`operationCount` says how many)." }),
    operationCount: z.int().min(1).optional().meta({ description: "For a change inside a shared schema: how many operations reach it." }),
    pointer: z.object({ base: z.string().optional(), revision: z.string().optional() }),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    message: z.string(),
  })
  .meta({ id: "Change" });

const versionRefSchema2 = z.object({ version: z.string(), revision: z.int().min(1) });

export const versionChangesSchema = z
  .object({
    version: z.string(),
    revision: z.int().min(1),
    publishedAt: isoDate,
    publishedBy: z
      .string()
      .nullable()
      .meta({ description: "Who published it, as this reader may see it (a name, not an email, to readers who are not signed in)." }),
    origin: z.enum(["seed", "push", "upload", "url", "import"]),
    base: versionRefSchema2.nullable().meta({ description: "What it was compared with when published; null for a first version." }),
    summary: z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) }),
    semverViolation: z.boolean(),
    acceptedBreakingReason: z.string().nullable(),
    changes: z.array(z.lazy(() => changeSchema)),
  })
  .meta({ id: "VersionChanges" });

const diffCounts = z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) });
export const diffResultSchema = z
  .object({
    changes: z.array(changeSchema).meta({ description: "Worst first; at most 1,000 (`omitted` counts the rest)." }),
    summary: diffCounts.meta({ description: "Every change, listed or not." }),
    omitted: diffCounts.optional().meta({ description: "Changes past the first 1,000, per level, not listed." }),
  })
  .meta({ id: "DiffResult" });

export const versionDiffSchema = diffResultSchema.extend({ from: versionRefSchema2, to: versionRefSchema2 }).meta({ id: "VersionDiff" });

export const recentChangeSchema = z
  .object({
    id: z.string(),
    service: z.object({ slug: slugRef, name: z.string() }),
    version: z.string(),
    revision: z.int().min(1),
    publishedAt: isoDate,
    base: versionRefSchema2,
    summary: z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) }),
    changes: z.array(changeSchema).meta({ description: "Up to ten, worst first." }),
    moreChanges: z.int().min(0),
  })
  .meta({ id: "RecentChange" });

export const deprecationSchema = z
  .object({
    kind: z.enum(["service", "operation"]),
    service: z.object({ slug: slugRef, name: z.string() }),
    lifecycle: lifecycleSchema.nullable(),
    operation: z.string().nullable().meta({ description: "`METHOD /path`, for a deprecated operation of the version the service serves." }),
    version: z.string().nullable(),
    sunset: z.iso.date().nullable().meta({ description: "When it goes away (a service's sunset date, an operation's `x-sunset`); null when not set." }),
  })
  .meta({ id: "Deprecation" });

export const searchResultsSchema = z
  .object({
    query: z.string(),
    corrections: z
      .array(z.object({ word: z.string(), suggestions: z.array(z.string()) }))
      .meta({ description: "Words no indexed word starts with, and the nearest ones searched as well." }),
    services: z.array(z.object({ slug: slugRef, name: z.string(), description: z.string(), lifecycle: lifecycleSchema, url: z.string() })),
    operations: z.array(
      z.object({
        service: z.object({ slug: slugRef, name: z.string() }),
        version: z.string(),
        method: z.string(),
        path: z.string(),
        operationId: z.string().nullable(),
        summary: z.string(),
        description: z.string(),
        tags: z.array(z.string()),
        deprecated: z.boolean(),
        url: z.string().meta({ description: "The service's docs on this version, expanded on this operation." }),
      }),
    ),
    operationTotal: z.int().min(0).meta({ description: "How many operations matched, counted up to 1,000." }),
    operationTotalIsExact: z.boolean().meta({ description: "False when more than 1,000 matched." }),
    teams: z.array(z.object({ slug: slugRef, name: z.string(), url: z.string() })),
    docs: z.array(z.object({ title: z.string(), collection: z.string(), snippet: z.string(), url: z.string() })),
  })
  .meta({ id: "SearchResults" });

export const lintFindingSchema = z
  .object({
    ruleId: z.string().meta({ description: "`house/…` for the house rules, else Redocly's rule id." }),
    severity: z.enum(["error", "warn"]),
    message: z.string(),
    pointer: z.string().meta({ description: "JSON pointer into the stored document." }),
    operation: z.object({ method: z.string(), path: z.string() }).nullable().meta({ description: "The operation the finding is in, if any." }),
    link: z.string().nullable().meta({ description: "The pattern that explains a house rule (a portal path), or the rule's documentation." }),
  })
  .meta({ id: "LintFinding" });

export const lintReportSchema = z
  .object({
    version: z.string(),
    revision: z.int(),
    status: z.enum(["pending", "done", "failed"]).meta({ description: "`pending` until the background lint has run (seconds after publishing)." }),
    rulesetHash: z.string().nullable().meta({ description: "Which ruleset (governance/lint.yaml) it was linted under." }),
    lintedAt: isoDate.nullable(),
    durationMs: z.int().nullable(),
    errorCount: z.int().min(0),
    warnCount: z.int().min(0),
    byRule: z.record(z.string(), z.int()).meta({ description: "Findings per rule, all of them." }),
    truncated: z.boolean().meta({ description: "More than 2,000 findings: `findings` holds the first 2,000, errors first." }),
    error: z.string().nullable().meta({ description: "Why linting failed (a time or memory limit reached)." }),
    findings: z.array(lintFindingSchema),
  })
  .meta({ id: "LintReport" });

const webhookEventType = z.enum(WEBHOOK_EVENTS);

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    format: z
      .enum(["standard", "slack"])
      .meta({ description: '`standard`: the event as JSON, signed per Standard Webhooks; `slack`: `{ "text": … }` for an incoming webhook.' }),
    events: z.array(webhookEventType),
    description: z.string(),
    team: z.string().nullable().meta({ description: "The team whose services it hears; null: every service." }),
    service: z.string().nullable().meta({ description: "One service of that team, or null for all of them." }),
    createdAt: isoDate,
    failingSince: isoDate.nullable().meta({ description: "Since when every delivery has failed." }),
    disabledAt: isoDate.nullable().meta({ description: "Disabled after failing for WAYFINDER_WEBHOOK_DISABLE_AFTER_HOURS; a test event enables it again." }),
    disabledReason: z.string().nullable(),
  })
  .meta({ id: "Webhook" });

export const newWebhookSchema = webhookSchema
  .extend({ secret: z.string().meta({ description: "The signing secret (`whsec_…`), in this response only." }) })
  .meta({ id: "NewWebhook" });

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.int().min(0),
    responseStatus: z.int().nullable(),
    latencyMs: z.int().nullable(),
    responseExcerpt: z.string().nullable().meta({ description: "The first 500 characters of the answer, or why the endpoint could not be reached." }),
    lastAttemptAt: isoDate.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookListSchema = z.object({ items: z.array(webhookSchema.extend({ deliveries: z.array(webhookDeliverySchema) })) }).meta({ id: "WebhookList" });

/** What every delivery's body holds (format `standard`): the contract's `webhooks` section describes each type's `data`. */
export const webhookPayloadSchema = (type: string, data: z.ZodType) =>
  z
    .object({
      type: z.literal(type),
      timestamp: isoDate,
      data,
    })
    .meta({ id: `WebhookEvent_${type.replace(/\./g, "_")}` });

const serviceRef = z.object({ slug: z.string(), name: z.string() });
const versionFields = { version: z.string(), revision: z.int(), kind: z.enum(["version", "revision"]), operationCount: z.int(), origin: z.string() };

/** Each event's `data`, by type: the contract's `webhooks` section is generated from these. */
export const webhookPayloads = {
  "version.published": { summary: "A version (or a revision of one) was published.", data: z.object({ service: serviceRef, ...versionFields }) },
  "change.breaking": {
    summary: "A published version has breaking changes against the one before it.",
    data: z.object({
      service: serviceRef,
      ...versionFields,
      baseVersion: z.string(),
      breaking: z.int(),
      semverViolation: z.boolean(),
      acceptedReason: z.string().nullable(),
      changes: z.array(z.object({ id: z.string(), message: z.string() })).meta({ description: "The first 20 breaking changes." }),
    }),
  },
  "service.deprecated": { summary: "A service became deprecated.", data: z.object({ service: serviceRef, sunsetDate: z.iso.date().nullable() }) },
  "service.sunset_approaching": {
    summary: "A service goes away within 30 days (announced once per sunset date).",
    data: z.object({ service: serviceRef, sunsetDate: z.iso.date(), daysLeft: z.int() }),
  },
  "lint.failed": {
    summary: "A newly published version breaks house rules (lint errors), or could not be linted.",
    data: z.object({
      service: serviceRef,
      version: z.string(),
      revision: z.int(),
      status: z.enum(["done", "failed"]),
      errorCount: z.int(),
      warnCount: z.int(),
      error: z.string().nullable(),
    }),
  },
  "ownership.changed": {
    summary: "A service's owning teams changed.",
    data: z.object({
      service: serviceRef,
      primaryOwner: z.string().nullable(),
      otherOwners: z.array(z.string()),
      previousPrimaryOwner: z.string().nullable().optional(),
      previousOtherOwners: z.array(z.string()).optional(),
    }),
  },
  "scorecard.level_changed": {
    summary: "A service's scorecard level changed.",
    data: z.object({ service: serviceRef, from: z.string().nullable(), to: z.string().nullable() }),
  },
} satisfies Record<string, { summary: string; data: z.ZodType }>;

const templateParameterSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string().optional(),
    type: z.enum(["string", "integer", "boolean"]),
    enum: z.array(z.string()).optional(),
    pattern: z.string().optional(),
    patternMessage: z.string().optional(),
    minLength: z.int().optional(),
    maxLength: z.int().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]),
  })
  .meta({ id: "TemplateParameter" });

const templateFields = {
  name: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(["service", "endpoint"]),
  language: z.enum(["python", "typescript"]),
  for: z.string().optional().meta({ description: "Endpoint templates: the service template whose projects they extend." }),
  implements: z
    .object({ patterns: z.array(z.string()), adrs: z.array(z.string()) })
    .meta({ description: "The patterns and ADRs (slugs under /docs) it follows." }),
  parameters: z.array(templateParameterSchema),
};

export const templateSummarySchema = z.object({ ...templateFields, fileCount: z.int().min(0) }).meta({ id: "TemplateSummary" });

export const templateSourceSchema = z
  .object({
    manifest: z.object({ ...templateFields, contract: z.string().optional(), operation: z.string().optional() }),
    files: z.record(z.string(), z.string()).meta({ description: "Every file it renders, path → Handlebars text." }),
    operation: z.string().optional().meta({ description: "Endpoint templates: the operation fragment merged into the project's OpenAPI document." }),
  })
  .meta({ id: "TemplateSource" });

export const templateServiceCreatedSchema = z
  .object({
    service: serviceDetailSchema,
    version: publishResultSchema.omit({ format: true, title: true, sizeBytes: true }).extend({ contentHash: z.string() }),
    files: z.array(z.string()).meta({ description: "The paths of the generated project's files; POST …/archive returns them as a zip." }),
  })
  .meta({ id: "TemplateServiceCreated" });
