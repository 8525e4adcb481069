import type { BreakingChangePolicy } from "@/generated/prisma/enums";
import type { DiffResult } from "@/lib/diff/diff-types";
import type { Db } from "@/lib/platform/db/types";
import { toApprovalView, toWaiverView, waiverSelect } from "./approval-view";
import { coverBreaking, type ApprovalView, type WaiverView } from "./cover-changes";

import { policyBlocks } from "./breaking-policy";

type OwnedService = { id: string; ownerTeamIds: string[] };

/** The waivers in force that apply to a service: portal-wide, or of a team that owns it. */
export async function applicableWaivers(db: Db, service: OwnedService, now = new Date()): Promise<WaiverView[]> {
  const rows = await db.changeWaiver.findMany({
    where: { revokedAt: null, expiresAt: { gt: now }, OR: [{ teamId: null }, { teamId: { in: service.ownerTeamIds } }] },
    select: waiverSelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toWaiverView);
}

/** The approvals in force of a service, and the waivers that apply to it. */
export async function loadCovers(db: Db, service: OwnedService, now = new Date()): Promise<{ approvals: ApprovalView[]; waivers: WaiverView[] }> {
  const [approvals, waivers] = await Promise.all([
    db.changeApproval.findMany({ where: { serviceId: service.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    applicableWaivers(db, service, now),
  ]);
  return { approvals: approvals.map(toApprovalView), waivers };
}

/**
 * What `block` (and `block-if-consumed`) makes of a diff's breaking changes, for publishing and its dry run alike: null when the
 * policy does not block or nothing breaks; else which changes approvals or waivers cover, and whether
 * that is all of them (a diff cut at MAX_CHANGES, with breaking changes left unlisted, never is).
 */
export async function coversUnderBlock(
  db: Db,
  service: OwnedService & { breakingChangePolicy: BreakingChangePolicy },
  result: Pick<DiffResult, "changes" | "summary">,
): Promise<(ReturnType<typeof coverBreaking> & { all: boolean }) | null> {
  if (!result.summary.breaking || !policyBlocks(service.breakingChangePolicy)) return null;
  const { approvals, waivers } = await loadCovers(db, service);
  const covers = coverBreaking(result.changes, approvals, waivers);
  return { ...covers, all: covers.uncovered.length === 0 && covers.covered.length === result.summary.breaking };
}
