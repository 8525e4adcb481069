import { z } from "zod";
import { BREAKING_POLICIES } from "@/lib/approvals/breaking-policy";
import { isoDate, nullableDate, slugRef, lifecycleSchema, specFormatSchema } from "./common";

/** Publishing, URL sources, changes, diffs, deprecations, search and lint reports, as the REST API answers them. */
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
    policy: z.enum(BREAKING_POLICIES),
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
    pastSunset: z
      .array(z.object({ operation: z.string(), sunset: z.iso.date() }))
      .optional()
      .meta({ description: "Deprecated operations still in the document after their `x-sunset` date (a warning; absent when none)." }),
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

const serviceNameRef = z.object({ slug: slugRef, name: z.string() });

export const changeConsumerSchema = z
  .object({
    service: serviceNameRef,
    teams: z.array(serviceNameRef).meta({ description: "The consuming service's owning teams, primary first." }),
    operations: z
      .array(z.string())
      .meta({ description: "Its operations the change touches, `METHOD /path`; empty when it declared the whole API or the change is not an operation's." }),
    evidence: z.array(z.enum(["declared", "observed"])).meta({ description: "Declared in the catalogue, seen calling (last 90 days), or both." }),
    lastSeenAt: isoDate.optional().meta({ description: "Its latest call seen, when observed." }),
  })
  .meta({ id: "ChangeConsumer" });

export const consumerTallySchema = z
  .object({
    service: serviceNameRef,
    teams: z.array(serviceNameRef),
    breaking: z.int().min(0).meta({ description: "Breaking changes that touch it." }),
    warning: z.int().min(0).meta({ description: "Potentially breaking changes that touch it." }),
  })
  .meta({ id: "ConsumerTally" });

const consumersTouched = z.array(consumerTallySchema).nullable().meta({
  description:
    "The consumers the version's breaking and potentially breaking changes touched when it was published, most broken first; [] for none; null when it was published before Wayfinder looked consumers up.",
});

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
    consumers: z.array(changeConsumerSchema).optional().meta({
      description:
        "On breaking and potentially breaking changes, when consumers were looked up: the consuming services it touches. An empty list says it touches no known consumer.",
    }),
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
    consumers: consumersTouched,
    changes: z.array(z.lazy(() => changeSchema)),
  })
  .meta({ id: "VersionChanges" });

const diffCounts = z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) });

export const diffResultSchema = z
  .object({
    changes: z.array(changeSchema).meta({ description: "Worst first; at most 1,000 (`omitted` counts the rest)." }),
    summary: diffCounts.meta({ description: "Every change, listed or not." }),
    omitted: diffCounts.optional().meta({ description: "Changes past the first 1,000, per level, not listed." }),
    validity: z
      .array(z.object({ document: z.enum(["base", "revision"]), pointer: z.string().optional(), message: z.string() }))
      .optional()
      .meta({ description: "What each document's official schema finds wrong, listed once; absent when both are valid. The documents are compared anyway." }),
    impact: z
      .object({
        consumers: z.int().min(0).meta({ description: "Consuming services touched by at least one breaking or potentially breaking change." }),
        considered: z.int().min(0).meta({ description: "Consumers of the service in the revision's version range (declared, or seen calling)." }),
      })
      .optional()
      .meta({ description: "Present when consumers were looked up (a stored service's versions, or `service` given)." }),
  })
  .meta({ id: "DiffResult" });

export const versionDiffSchema = diffResultSchema.extend({ from: versionRefSchema2, to: versionRefSchema2 }).meta({ id: "VersionDiff" });

export const recentChangeSchema = z
  .object({
    id: z.string(),
    contract: z.enum(["http", "event"]).meta({ description: "A version of the service's HTTP API, or of its event API (AsyncAPI)." }),
    service: z.object({ slug: slugRef, name: z.string() }),
    version: z.string(),
    revision: z.int().min(1),
    publishedAt: isoDate,
    base: versionRefSchema2,
    url: z.string().meta({ description: "Where to read it in the portal: the service's changelog, or the event API versions compared." }),
    summary: z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) }),
    changes: z.array(changeSchema).meta({ description: "Up to ten, worst first." }),
    consumers: consumersTouched,
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
    events: z
      .array(
        z.object({
          service: z.object({ slug: slugRef, name: z.string() }),
          version: z.string().meta({ description: "The service's newest event API version, which search reads." }),
          kind: z.enum(["channel", "operation", "message"]),
          name: z.string().meta({ description: "The channel's address, the operation's id, the message's name." }),
          action: z
            .enum(["send", "receive"])
            .nullable()
            .meta({ description: "An operation's direction (the service sends or receives); null for channels and messages." }),
          channel: z.string().meta({ description: "The channel an operation is on; empty otherwise." }),
          summary: z.string(),
          url: z.string().meta({ description: "The service page on that version, at this channel, operation or message." }),
        }),
      )
      .meta({ description: "Channels, operations and messages of event APIs (AsyncAPI)." }),
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
