import { z } from "zod";

/** Event APIs (AsyncAPI): versions, what they hold, and publishing, as the REST API answers them. */
const eventFacts = {
  format: z.enum(["asyncapi-2", "asyncapi-3.0"]),
  asyncapi: z.string().meta({ description: "The document's `asyncapi` field as stored (`2.6.0` for a converted 1.x document)." }),
  convertedFrom: z.string().nullable().meta({ description: "The AsyncAPI 1.x version the document was converted from, if it was." }),
  channelCount: z.int().min(0),
  operationCount: z.int().min(0),
  messageCount: z.int().min(0),
};
const summarySchema = z.object({ breaking: z.int().min(0), warning: z.int().min(0), info: z.int().min(0) });
const baseSchema = z.object({ version: z.string(), revision: z.int().min(1) });

export const eventPublishResultSchema = z
  .object({
    outcome: z.enum(["created", "unchanged", "valid"]).meta({ description: "`valid`: a dry run found it publishable; nothing was stored." }),
    kind: z.enum(["version", "revision", "unchanged"]),
    message: z.string().meta({ description: "What happened, in words." }),
    version: z.string(),
    revision: z.int().min(1),
    contentHash: z.string(),
    ...eventFacts,
    diff: z
      .object({
        base: baseSchema,
        summary: summarySchema,
        acceptedBreakingReason: z.string().nullable().meta({
          description: "Why breaking changes the service's `block` policy refuses were published: the reason given, or the approvals that covered them.",
        }),
      })
      .nullable()
      .meta({ description: "What changed against the version it follows (direction-aware: docs/diff-rules.md); null for a first version or when unchanged." }),
  })
  .meta({ id: "EventPublishResult" });

export const eventVersionSchema = z
  .object({
    version: z.string(),
    revision: z.int().min(1),
    title: z.string(),
    ...eventFacts,
    sizeBytes: z.int().min(0),
    origin: z.string(),
    createdAt: z.iso.datetime(),
    isCurrent: z.boolean().meta({ description: "The newest: what the service page shows first." }),
    changes: z
      .object({ base: baseSchema, ...summarySchema.shape })
      .nullable()
      .meta({ description: "Counts of what changed against the version it followed." }),
    lint: z
      .object({ status: z.enum(["done", "failed"]), errorCount: z.int().min(0), warnCount: z.int().min(0) })
      .nullable()
      .meta({ description: "Its house-rule findings (the AsyncAPI rules of governance/lint.yaml), counted; null until the background lint has run." }),
  })
  .meta({ id: "EventVersion" });
