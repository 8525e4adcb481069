import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { loadTeam } from "@/lib/org/load-team";

/** Removes a person from a team (maintainers and admins). */
export async function removeMembership(db: Db, { actor, teamSlug, email }: { actor: Actor; teamSlug: string; email: string }) {
  return inTransaction(db, async (tx) => {
    const team = await loadTeam(tx, teamSlug);
    assert(canManageTeam(actor, team.id), actor, `manage the members of "${teamSlug}"`);
    const membership = await tx.membership.findFirst({
      where: { teamId: team.id, user: { email: email.toLowerCase() } },
      select: { userId: true, role: true },
    });
    if (!membership) throw notFound(`A member ${email} of team "${teamSlug}"`);
    await tx.membership.delete({ where: { userId_teamId: { userId: membership.userId, teamId: team.id } } });
    await recordAudit(tx, actor, {
      action: "membership.delete",
      entityType: "membership",
      entityId: `${team.id}:${membership.userId}`,
      entityKey: teamSlug,
      before: { email, role: membership.role },
    });
  });
}
