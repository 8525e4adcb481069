import type { Actor } from "@/lib/auth/actor";
import { canSeeEmails } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";

/** A team's members, maintainers first; emails only for readers who may see them (see permissions.ts). */
export async function listMembers(db: Db, { actor, teamSlug }: { actor: Actor; teamSlug: string }) {
  const members = await db.membership.findMany({
    where: { team: { slug: teamSlug } },
    select: { role: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  const emails = canSeeEmails(actor);
  return members.map((member) => ({
    email: emails ? member.user.email : null,
    name: member.user.name,
    role: member.role,
    since: member.createdAt.toISOString(),
  }));
}

export type TeamMember = Awaited<ReturnType<typeof listMembers>>[number];
