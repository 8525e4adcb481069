import type { ApprovalView, WaiverView } from "./cover-changes";

/** An approval row as the API shows it. */
export function toApprovalView(row: {
  id: string;
  ruleId: string;
  target: string;
  pointer: string;
  reason: string;
  expiresAt: Date | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}): ApprovalView {
  return {
    id: row.id,
    ruleId: row.ruleId,
    target: row.target,
    pointer: row.pointer,
    reason: row.reason,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A waiver row as the API shows it. */
export function toWaiverView(row: {
  id: string;
  team: { slug: string } | null;
  ruleId: string;
  pathPattern: string;
  reason: string;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}): WaiverView {
  return {
    id: row.id,
    team: row.team?.slug ?? null,
    ruleId: row.ruleId,
    pathPattern: row.pathPattern,
    reason: row.reason,
    expiresAt: row.expiresAt.toISOString(),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export const waiverSelect = {
  id: true,
  team: { select: { slug: true } },
  ruleId: true,
  pathPattern: true,
  reason: true,
  expiresAt: true,
  createdBy: true,
  createdAt: true,
  revokedAt: true,
} as const;
