import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";

/*
 * Webhook subscriptions and deliveries as the REST API answers them, and each event's payload: the
 * contract's `webhooks` section is generated from these. The date schema is this file's own: the
 * contract sits above the domain and imports from here, not the other way round.
 */
const isoDate = z.iso.datetime({ offset: true });

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
    includeConsumed: z
      .boolean()
      .meta({ description: "Also `change.breaking` of the APIs the team's services consume, when a change touches one of them (team subscriptions)." }),
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
      consumers: z
        .array(z.object({ service: serviceRef, teams: z.array(serviceRef), breaking: z.int(), warning: z.int() }))
        .nullable()
        .meta({ description: "The consuming services the breaking changes touch, most broken first ([]: none; null: not looked up)." }),
      changes: z
        .array(
          z.object({
            id: z.string(),
            message: z.string(),
            consumers: z
              .array(
                z.object({
                  service: serviceRef,
                  teams: z.array(serviceRef),
                  operations: z.array(z.string()),
                  evidence: z.array(z.enum(["declared", "observed"])),
                  lastSeenAt: isoDate.optional(),
                }),
              )
              .nullable()
              .meta({ description: "The consumers this change touches ([]: none)." }),
          }),
        )
        .meta({ description: "The first 20 breaking changes." }),
    }),
  },
  "change.approved": {
    summary: "A maintainer approved one breaking change (rule, operation or component, pointer), with a reason.",
    data: z.object({
      service: serviceRef,
      ruleId: z.string(),
      target: z.string(),
      pointer: z.string(),
      reason: z.string(),
      expiresAt: isoDate.nullable(),
      approvedBy: z.string(),
    }),
  },
  "service.deprecated": { summary: "A service became deprecated.", data: z.object({ service: serviceRef, sunsetDate: z.iso.date().nullable() }) },
  "service.sunset_approaching": {
    summary:
      "A service goes away within 30 days, or a deprecated operation of the version it serves reaches its `x-sunset` within 7 (`operation` says which); announced once per sunset date.",
    data: z.object({
      service: serviceRef,
      sunsetDate: z.iso.date(),
      daysLeft: z.int(),
      operation: z.string().optional().meta({ description: "`METHOD /path` of the deprecated operation; absent when the service itself goes away." }),
    }),
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
