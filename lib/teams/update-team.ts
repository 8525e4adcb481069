import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { teamFieldsSelect } from "@/lib/org/team-fields";
import { teamUpdateSchema, type TeamUpdate } from "./team-input";
import { loadTeam } from "@/lib/org/load-team";
import { rescoreServices } from "@/lib/scorecards/recompute-scorecards";

/** Edits a team's name, description and contacts (its maintainers and admins). */
export async function updateTeam(db: Db, { actor, slug, changes }: { actor: Actor; slug: string; changes: TeamUpdate }) {
  const data = teamUpdateSchema.parse(changes);
  const { id, after } = await inTransaction(db, async (tx) => {
    const { id, ...before } = await loadTeam(tx, slug);
    assert(canManageTeam(actor, id), actor, `change the team "${slug}"`);
    const after = await tx.team.update({ where: { id }, data, select: teamFieldsSelect });
    await recordAudit(tx, actor, { action: "team.update", entityType: "team", entityId: id, entityKey: slug, before, after });
    return { id, after };
  });
  // Its contacts are what the ownership check reads, for the services it owns as primary owner.
  if (data.chatChannel !== undefined || data.email !== undefined) {
    const owned = await db.serviceOwnership.findMany({ where: { teamId: id, isPrimary: true }, select: { serviceId: true } });
    await rescoreServices(
      db,
      owned.map((ownership) => ownership.serviceId),
    );
  }
  return after;
}
