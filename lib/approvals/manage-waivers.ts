import { recordAudit } from "@/lib/audit/record-audit";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { assert, canManageTeam, isAdmin } from "@/lib/auth/permissions";
import { assertMayRead } from "@/lib/auth/read-rule";
import { rules } from "@/lib/diff/rules";
import { loadTeam } from "@/lib/org/load-team";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError, notFound } from "@/lib/platform/errors";
import { waiverInputSchema, type WaiverInput } from "./approval-input";
import { toWaiverView, waiverSelect } from "./approval-view";
import type { WaiverView } from "./cover-changes";

/**
 * Silences a breaking rule for the operations whose path matches a pattern, until a date: for a team's
 * services (its maintainers, admins) or portal-wide (admins). Audited.
 */
/** Before the body is read: only admins and maintainers of some team may waive anything (the body's team decides the rest). */
export function assertMayWaiveAny(actor: Actor): void {
  const maintainsATeam = actor.kind === "user" && Object.values(actor.teamRoles).includes("maintainer");
  assert(isAdmin(actor) || maintainsATeam, actor, "waive rules");
}

export async function createWaiver(db: Db, { actor, input }: { actor: Actor; input: WaiverInput }): Promise<WaiverView> {
  const team = input.team ? await loadTeam(db, input.team) : null;
  assert(
    team ? canManageTeam(actor, team.id) : isAdmin(actor),
    actor,
    team ? `waive rules for the services of "${team.slug}"` : "waive rules for every service",
  );
  const data = waiverInputSchema.parse(input);
  if (!rules.has(data.ruleId)) throw new AppError("VALIDATION_FAILED", `Invalid ruleId: no diff rule is called "${data.ruleId}" (see docs/diff-rules.md).`);
  if (Date.parse(data.expiresAt) <= Date.now()) throw new AppError("VALIDATION_FAILED", "Invalid expiresAt: a waiver must end in the future.");
  return inTransaction(db, async (tx) => {
    const created = toWaiverView(
      await tx.changeWaiver.create({
        data: {
          teamId: team?.id ?? null,
          ruleId: data.ruleId,
          pathPattern: data.pathPattern,
          reason: data.reason,
          expiresAt: new Date(data.expiresAt),
          createdBy: actorLabel(actor),
        },
        select: waiverSelect,
      }),
    );
    await recordAudit(tx, actor, { action: "waiver.create", entityType: "waiver", entityId: created.id, entityKey: team?.slug ?? null, after: created });
    return created;
  });
}

/** Ends a waiver now (again is no error). The same people as creating it. */
export async function revokeWaiver(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<WaiverView> {
  const found = await db.changeWaiver.findUnique({ where: { id }, select: waiverSelect });
  if (!found) throw notFound("Waiver");
  const team = found.team ? await loadTeam(db, found.team.slug) : null;
  assert(team ? canManageTeam(actor, team.id) : isAdmin(actor), actor, "revoke this waiver");
  if (found.revokedAt) return toWaiverView(found);
  return inTransaction(db, async (tx) => {
    const after = toWaiverView(await tx.changeWaiver.update({ where: { id }, data: { revokedAt: new Date() }, select: waiverSelect }));
    await recordAudit(tx, actor, {
      action: "waiver.revoke",
      entityType: "waiver",
      entityId: id,
      entityKey: team?.slug ?? null,
      before: toWaiverView(found),
      after,
    });
    return after;
  });
}

/** Every waiver (or a team's; or only those in force), active first then the rest, newest first within each. For readers. */
export async function listWaivers(
  db: Db,
  { actor, teamSlug, activeOnly = false }: { actor: Actor; teamSlug?: string; activeOnly?: boolean },
): Promise<WaiverView[]> {
  assertMayRead(actor);
  const rows = await db.changeWaiver.findMany({ where: teamSlug ? { team: { slug: teamSlug } } : {}, select: waiverSelect, orderBy: { createdAt: "desc" } });
  const now = Date.now();
  const isActive = (row: (typeof rows)[number]) => row.revokedAt === null && row.expiresAt.getTime() > now;
  return [...rows.filter(isActive), ...(activeOnly ? [] : rows.filter((row) => !isActive(row)))].map(toWaiverView);
}
