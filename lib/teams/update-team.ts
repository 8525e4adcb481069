import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/db/types";
import { teamFieldsSelect } from "./team-fields";
import { teamUpdateSchema, type TeamUpdate } from "./team-input";
import { loadTeam } from "./load-team";

/** Edits a team's name, description and contacts (its maintainers and admins). */
export async function updateTeam(db: Db, { actor, slug, changes }: { actor: Actor; slug: string; changes: TeamUpdate }) {
  const data = teamUpdateSchema.parse(changes);
  return inTransaction(db, async (tx) => {
    const { id, ...before } = await loadTeam(tx, slug);
    assert(canManageTeam(actor, id), actor, `change the team "${slug}"`);
    const after = await tx.team.update({ where: { id }, data, select: teamFieldsSelect });
    await recordAudit(tx, actor, { action: "team.update", entityType: "team", entityId: id, entityKey: slug, before, after });
    return after;
  });
}
