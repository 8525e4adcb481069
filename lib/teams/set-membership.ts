import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canManageTeam } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { membershipInputSchema, type MembershipInput } from "./team-input";
import { loadTeam } from "@/lib/org/load-team";

/**
 * Adds a person to a team or changes their role (maintainers and admins). Someone who has not signed
 * in yet is added by email; their account is the one they get when they first sign in with it.
 */
export async function setMembership(db: Db, { actor, teamSlug, input }: { actor: Actor; teamSlug: string; input: MembershipInput }) {
  const { email, role } = membershipInputSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const team = await loadTeam(tx, teamSlug);
    assert(canManageTeam(actor, team.id), actor, `manage the members of "${teamSlug}"`);
    const user = await tx.user.upsert({ where: { email }, create: { email, name: email.split("@")[0] ?? email }, update: {}, select: { id: true } });
    const before = await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId: team.id } }, select: { role: true } });
    await tx.membership.upsert({
      where: { userId_teamId: { userId: user.id, teamId: team.id } },
      create: { userId: user.id, teamId: team.id, role },
      update: { role },
    });
    await recordAudit(tx, actor, {
      action: before ? "membership.update" : "membership.create",
      entityType: "membership",
      entityId: `${team.id}:${user.id}`,
      entityKey: teamSlug,
      before: before ? { email, ...before } : undefined,
      after: { email, role },
    });
    return { email, role };
  });
}
