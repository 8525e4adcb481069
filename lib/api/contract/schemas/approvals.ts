import { z } from "zod";
import { isoDate } from "./common";

/** Approvals of breaking changes and waivers of rules, as the REST API answers them. */
export const approvalSchema = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    target: z.string().meta({ description: "`METHOD /path`, or the shared component, as the change names it." }),
    pointer: z.string(),
    reason: z.string(),
    expiresAt: isoDate.nullable(),
    createdBy: z.string(),
    createdAt: isoDate,
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: "ChangeApproval" });

export const waiverSchema = z
  .object({
    id: z.string(),
    team: z.string().nullable().meta({ description: "The team whose services it covers; null: every service." }),
    ruleId: z.string(),
    pathPattern: z.string(),
    reason: z.string(),
    expiresAt: isoDate,
    createdBy: z.string(),
    createdAt: isoDate,
    revokedAt: isoDate.nullable(),
  })
  .meta({ id: "ChangeWaiver" });

export const serviceApprovalsSchema = z
  .object({
    items: z.array(approvalSchema).meta({ description: "The service's approvals, newest first, revoked and expired ones too." }),
    waivers: z.array(waiverSchema).meta({ description: "Active waivers that apply to it (portal-wide, or of a team that owns it)." }),
  })
  .meta({ id: "ServiceApprovals" });
