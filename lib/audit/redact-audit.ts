import type { AuditEntry } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canSeeEmails, canSeeTokenDetails } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";

const TEAM_ENTITIES = new Set(["team", "membership", "token"]);

/**
 * Applies the read rules of permissions.ts to audit entries: people are named, not emailed, to
 * anonymous readers (and membership changes, which carry emails, lose their values); a token as the
 * actor, and the values of token changes, are shown only to those who manage the teams concerned.
 */
export async function redactAudit(db: Db, actor: Actor, rows: AuditEntry[]): Promise<AuditEntry[]> {
  const emails = canSeeEmails(actor);
  const userIds = emails ? [] : [...new Set(rows.filter((row) => row.actorKind === "user" && row.actorId).map((row) => row.actorId!))];
  // An empty list asks nothing: Prisma would still send `WHERE 1=0`, a round trip on every service page.
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name ?? "a person"]));

  const serviceIds = [...new Set(rows.map((row) => row.serviceId).filter((id): id is string => id !== null))];
  const teamSlugs = [...new Set(rows.filter((row) => TEAM_ENTITIES.has(row.entityType) && row.entityKey).map((row) => row.entityKey!))];
  const [owners, teams] = await Promise.all([
    serviceIds.length ? db.serviceOwnership.findMany({ where: { serviceId: { in: serviceIds } }, select: { serviceId: true, teamId: true } }) : [],
    teamSlugs.length ? db.team.findMany({ where: { slug: { in: teamSlugs } }, select: { id: true, slug: true } }) : [],
  ]);
  const teamIdsOf = (row: AuditEntry): string[] => [
    ...owners.filter((owner) => owner.serviceId === row.serviceId).map((owner) => owner.teamId),
    ...(TEAM_ENTITIES.has(row.entityType) ? teams.filter((team) => team.slug === row.entityKey).map((team) => team.id) : []),
  ];

  return rows.map((row) => {
    const tokenDetails = canSeeTokenDetails(actor, teamIdsOf(row));
    let { actorLabel, before, after } = row;
    if (row.actorKind === "token" && !tokenDetails) actorLabel = "an API token";
    if (row.actorKind === "user" && !emails) actorLabel = names.get(row.actorId ?? "") ?? "a person";
    if ((row.entityType === "token" && !tokenDetails) || (row.entityType === "membership" && !emails)) {
      before = null;
      after = null;
    }
    return { ...row, actorLabel, before, after };
  });
}
