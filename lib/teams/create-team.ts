import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canCreateTeam } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { teamInputSchema, type TeamInput } from "./team-input";

/**
 * Creates a team (admins, or anyone signed in when teams are open). The person who creates it becomes
 * its first maintainer. A taken slug is a CONFLICT naming it.
 */
export async function createTeam(db: Db, { actor, input, openTeams = false }: { actor: Actor; input: TeamInput; openTeams?: boolean }) {
  const data = teamInputSchema.parse(input);
  assert(canCreateTeam(actor, openTeams), actor, "create teams");
  return inTransaction(db, async (tx) => {
    let team: { id: string; slug: string; name: string };
    try {
      team = await tx.team.create({ data, select: { id: true, slug: true, name: true } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("CONFLICT", `A team with slug "${data.slug}" already exists.`, { field: "slug" });
      }
      throw error;
    }
    if (actor.kind === "user") await tx.membership.create({ data: { teamId: team.id, userId: actor.userId, role: "maintainer" } });
    await recordAudit(tx, actor, { action: "team.create", entityType: "team", entityId: team.id, entityKey: team.slug, after: data });
    return team;
  });
}
