import type { Db } from "@/lib/platform/db/types";
import { toApprovalView, toWaiverView, waiverSelect } from "./approval-view";
import type { ApprovalView, WaiverView } from "./cover-changes";

/** The active approvals of a service and the active waivers that apply to it (portal-wide, or of a team that owns it). */
export async function loadCovers(
  db: Db,
  service: { id: string; ownerTeamIds: string[] },
  now = new Date(),
): Promise<{ approvals: ApprovalView[]; waivers: WaiverView[] }> {
  const [approvals, waivers] = await Promise.all([
    db.changeApproval.findMany({ where: { serviceId: service.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.changeWaiver.findMany({
      where: { revokedAt: null, expiresAt: { gt: now }, OR: [{ teamId: null }, { teamId: { in: service.ownerTeamIds } }] },
      select: waiverSelect,
    }),
  ]);
  return { approvals: approvals.map(toApprovalView), waivers: waivers.map(toWaiverView) };
}
