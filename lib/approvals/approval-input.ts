import { z } from "zod";
import { requiredText, slugSchema } from "@/lib/slug";

/** What approving one breaking change names: the change (rule, operation or component, pointer), why, until when. */
export const approvalInputSchema = z
  .object({
    ruleId: z
      .string()
      .regex(/^[a-z0-9-]+$/, "must be a rule id")
      .max(100),
    target: requiredText(500).meta({ description: "`METHOD /path` of the operation, or the shared component, as the change names it." }),
    pointer: z.string().max(2000).meta({ description: "The change's JSON pointer (in the revision; in the base for what was removed)." }),
    reason: requiredText(500),
    expiresAt: z.iso.datetime({ offset: true }).optional().meta({ description: "When the approval stops covering the change; none: until revoked." }),
  })
  .strict();

export type ApprovalInput = z.infer<typeof approvalInputSchema>;

/** A waiver: a rule silenced for paths matching a pattern, portal-wide or for a team's services, until a date. */
export const waiverInputSchema = z
  .object({
    team: slugSchema.optional().meta({ description: "The team whose services it covers; none: every service (admins only)." }),
    ruleId: z
      .string()
      .regex(/^[a-z0-9-]+$/, "must be a rule id")
      .max(100),
    pathPattern: z
      .string()
      .regex(/^\/[^\s]*$/, "must be a path starting with /")
      .max(300)
      .meta({ description: "`*` matches within one path segment, `**` across segments, e.g. `/legacy/**`." }),
    reason: requiredText(500),
    expiresAt: z.iso.datetime({ offset: true }).meta({ description: "When the waiver ends; required." }),
  })
  .strict();

export type WaiverInput = z.infer<typeof waiverInputSchema>;
