import type { Db } from "@/lib/platform/db/types";
import type { Actor } from "./actor";

/** The actor for a signed-in user id, with their team roles and admin status as they are now. */
export async function loadUserActor(db: Db, userId: string, adminEmails: string[]): Promise<Actor> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isAdmin: true, memberships: { select: { teamId: true, role: true } } },
  });
  // A session for a user that no longer exists (database reset, say) is no session.
  if (!user) return { kind: "anonymous" };
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin || adminEmails.includes(user.email),
    teamRoles: Object.fromEntries(user.memberships.map((membership) => [membership.teamId, membership.role])),
  };
}
