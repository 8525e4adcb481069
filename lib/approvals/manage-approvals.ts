import { recordAudit } from "@/lib/audit/record-audit";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { assert, canAcceptBreaking } from "@/lib/auth/permissions";
import { assertMayRead } from "@/lib/auth/read-rule";
import { rules } from "@/lib/diff/rules";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError, notFound } from "@/lib/platform/errors";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { loadOwnedService } from "@/lib/org/load-owned-service";
import { approvalInputSchema, type ApprovalInput } from "./approval-input";
import { toApprovalView } from "./approval-view";
import { applicableWaivers } from "./load-covers";
import type { ApprovalView, WaiverView } from "./cover-changes";

/** Whether the actor may approve (and revoke) breaking changes of the service. */
export async function mayApproveChanges(db: Db, actor: Actor, serviceSlug: string): Promise<boolean> {
  const service = await loadOwnedService(db, serviceSlug);
  return canAcceptBreaking(actor, { id: service.id, ownerTeamIds: service.ownerTeamIds });
}

/** 404 for no such service, then 401/403 for who may not approve its changes: routes check this before reading a body. */
export async function assertMayApprove(db: Db, actor: Actor, serviceSlug: string): Promise<void> {
  assert(await mayApproveChanges(db, actor, serviceSlug), actor, `approve breaking changes to "${serviceSlug}"`);
}

/**
 * Approves one breaking change to a service: its maintainers (or admins, or a token of a team that
 * owns it, as for accepting breaking changes at publish). Audited and announced (`change.approved`).
 */
export async function approveChange(db: Db, { actor, serviceSlug, input }: { actor: Actor; serviceSlug: string; input: ApprovalInput }): Promise<ApprovalView> {
  const service = await loadOwnedService(db, serviceSlug);
  assert(canAcceptBreaking(actor, { id: service.id, ownerTeamIds: service.ownerTeamIds }), actor, `approve breaking changes to "${serviceSlug}"`);
  const data = approvalInputSchema.parse(input);
  const rule = rules.get(data.ruleId);
  if (!rule) throw new AppError("VALIDATION_FAILED", `Invalid ruleId: no diff rule is called "${data.ruleId}" (see docs/diff-rules.md).`);
  if (rule.level !== "breaking")
    throw new AppError("VALIDATION_FAILED", `Invalid ruleId: "${data.ruleId}" is ${rule.level}, and only breaking changes need approval.`);
  return inTransaction(db, async (tx) => {
    const created = await tx.changeApproval.create({
      data: {
        serviceId: service.id,
        ruleId: data.ruleId,
        target: data.target,
        pointer: data.pointer,
        reason: data.reason,
        expiresAt: data.expiresAt ? new Date(data.expiresAt) : null,
        createdBy: actorLabel(actor),
      },
    });
    const view = toApprovalView(created);
    await recordAudit(tx, actor, {
      action: "change.approve",
      entityType: "service",
      entityId: service.id,
      entityKey: service.slug,
      serviceId: service.id,
      after: view,
    });
    await recordWebhookEvent(tx, {
      type: "change.approved",
      serviceId: service.id,
      data: { ruleId: view.ruleId, target: view.target, pointer: view.pointer, reason: view.reason, expiresAt: view.expiresAt, approvedBy: view.createdBy },
    });
    return view;
  });
}

/** Revokes an approval (again is no error): it no longer covers its change. Same people as approving. */
export async function revokeApproval(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<ApprovalView> {
  const found = await db.changeApproval.findUnique({ where: { id }, select: { service: { select: { slug: true } } } });
  if (!found) throw notFound("Approval");
  const service = await loadOwnedService(db, found.service.slug);
  assert(canAcceptBreaking(actor, { id: service.id, ownerTeamIds: service.ownerTeamIds }), actor, `revoke approvals of "${service.slug}"`);
  return inTransaction(db, async (tx) => {
    const before = await tx.changeApproval.findUniqueOrThrow({ where: { id } });
    if (before.revokedAt) return toApprovalView(before);
    const after = toApprovalView(await tx.changeApproval.update({ where: { id }, data: { revokedAt: new Date() } }));
    await recordAudit(tx, actor, {
      action: "change.approval_revoke",
      entityType: "service",
      entityId: service.id,
      entityKey: service.slug,
      serviceId: service.id,
      before: toApprovalView(before),
      after,
    });
    return after;
  });
}

/**
 * A service's approvals (newest first, revoked and expired ones too: the history), and the waivers
 * that apply to it (portal-wide, or of a team that owns it), active ones only. For readers.
 */
export async function listApprovals(
  db: Db,
  { actor, serviceSlug }: { actor: Actor; serviceSlug: string },
): Promise<{ items: ApprovalView[]; waivers: WaiverView[] }> {
  assertMayRead(actor);
  const service = await loadOwnedService(db, serviceSlug);
  const [approvals, waivers] = await Promise.all([
    db.changeApproval.findMany({ where: { serviceId: service.id }, orderBy: { createdAt: "desc" } }),
    applicableWaivers(db, service),
  ]);
  return { items: approvals.map(toApprovalView), waivers };
}
