import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/lib/platform/errors";
import { teamFieldsSelect } from "./team-fields";

/** A team's id and fields, for a change to it; NOT_FOUND when there is none. */
export async function loadTeam(tx: Prisma.TransactionClient, slug: string) {
  const team = await tx.team.findUnique({ where: { slug }, select: { id: true, ...teamFieldsSelect } });
  if (!team) throw notFound(`Team "${slug}"`);
  return team;
}
