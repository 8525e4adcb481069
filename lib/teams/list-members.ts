import type { Db } from "@/lib/db/types";

/** A team's members, maintainers first. */
export async function listMembers(db: Db, teamSlug: string) {
  const members = await db.membership.findMany({
    where: { team: { slug: teamSlug } },
    select: { role: true, createdAt: true, user: { select: { email: true, name: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return members.map((member) => ({ email: member.user.email, name: member.user.name, role: member.role, since: member.createdAt.toISOString() }));
}

export type TeamMember = Awaited<ReturnType<typeof listMembers>>[number];
