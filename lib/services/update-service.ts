import { recordAudit } from "@/lib/audit/record-audit";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import type { Actor } from "@/lib/auth/actor";
import { assert, canAssignOwner, canEditService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { addSearchWords } from "@/lib/search-index/add-search-words";
import { AppError } from "@/lib/platform/errors";
import { findTeamsBySlug } from "@/lib/org/find-teams";
import { sunsetAt, serviceUpdateSchema, type ServiceUpdate } from "./service-input";
import { loadServiceSnapshot } from "./service-snapshot";
import { policyToDb } from "@/lib/approvals/breaking-policy";
import { rescoreServices } from "@/lib/scorecards/recompute-scorecards";

/**
 * Edits a service's fields, links and other (non-primary) owners. Maintainers of an owning team, tokens
 * in scope and admins may; newly added owners must be teams the person belongs to. Moving the service
 * out of `retired` un-archives it; moving it into `retired` archives it.
 */
export async function updateService(db: Db, { actor, slug, changes }: { actor: Actor; slug: string; changes: ServiceUpdate }) {
  const { links, otherOwners, sunsetDate, breakingChangePolicy, ...rest } = serviceUpdateSchema.parse(changes);
  const fields = { ...rest, sunsetAt: sunsetAt(sunsetDate), ...(breakingChangePolicy ? { breakingChangePolicy: policyToDb(breakingChangePolicy) } : {}) };
  const { id, state } = await inTransaction(db, async (tx) => {
    const before = await loadServiceSnapshot(tx, slug);
    assert(canEditService(actor, before), actor, `edit the service "${slug}"`);

    if (otherOwners) {
      const wanted = [...new Set(otherOwners)];
      if (before.state.primaryOwner && wanted.includes(before.state.primaryOwner)) {
        throw new AppError("VALIDATION_FAILED", "The primary owner cannot also be another owner.", { field: "otherOwners" });
      }
      const teamIds = await findTeamsBySlug(tx, wanted, "otherOwners");
      const added = wanted.filter((team) => !before.state.otherOwners.includes(team));
      for (const team of added) assert(canAssignOwner(actor, teamIds.get(team)!), actor, `make team "${team}" an owner (you do not belong to it)`);
      await tx.serviceOwnership.deleteMany({ where: { serviceId: before.id, isPrimary: false } });
      await tx.serviceOwnership.createMany({ data: wanted.map((team) => ({ serviceId: before.id, teamId: teamIds.get(team)!, isPrimary: false })) });
    }
    if (links) {
      await tx.serviceLink.deleteMany({ where: { serviceId: before.id } });
      await tx.serviceLink.createMany({ data: links.map((link, position) => ({ ...link, position, serviceId: before.id })) });
    }
    const archivedAt = fields.lifecycle === undefined ? undefined : fields.lifecycle === "retired" ? (before.state.archivedAt ? undefined : new Date()) : null;
    await tx.service.update({ where: { id: before.id }, data: { ...fields, ...(archivedAt === undefined ? {} : { archivedAt }), updatedAt: new Date() } });

    await addSearchWords(tx, [fields.name ?? "", fields.description ?? ""]);
    const after = await loadServiceSnapshot(tx, slug);
    await recordAudit(tx, actor, {
      action: "service.update",
      entityType: "service",
      entityId: before.id,
      entityKey: slug,
      serviceId: before.id,
      before: before.state,
      after: after.state,
    });
    if (after.state.lifecycle === "deprecated" && before.state.lifecycle !== "deprecated")
      await recordWebhookEvent(tx, { type: "service.deprecated", serviceId: before.id, data: { sunsetDate: after.state.sunsetDate } });
    if (JSON.stringify(after.state.otherOwners) !== JSON.stringify(before.state.otherOwners))
      await recordWebhookEvent(tx, {
        type: "ownership.changed",
        serviceId: before.id,
        data: { primaryOwner: after.state.primaryOwner, otherOwners: after.state.otherOwners, previousOtherOwners: before.state.otherOwners },
      });
    return { id: before.id, state: after.state };
  });
  await rescoreServices(db, [id]);
  return state;
}
