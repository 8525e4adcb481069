import { z } from "zod";
import { AUDIT_ENTITY_TYPES } from "@/lib/audit/record-audit";
import { isoDate, teamRefSchema } from "./common";

/** The audit log, the Backstage import, the caller and their onboarding ticks, as the REST API answers them. */
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
