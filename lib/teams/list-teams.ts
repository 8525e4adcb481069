import type { Db } from "@/lib/platform/db/types";
import { teamFieldsSelect } from "@/lib/org/team-fields";

/** Every team with how many services it owns (and of those, how many as primary owner). */
export async function listTeams(db: Db) {
  const teams = await db.team.findMany({
    orderBy: { name: "asc" },
    select: { ...teamFieldsSelect, ownerships: { select: { isPrimary: true } } },
  });
  return teams.map(({ ownerships, ...team }) => ({
    ...team,
    serviceCount: ownerships.length,
    primaryServiceCount: ownerships.filter((ownership) => ownership.isPrimary).length,
  }));
}

export type TeamSummary = Awaited<ReturnType<typeof listTeams>>[number];
