import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { teamFieldsSelect } from "@/lib/org/team-fields";
import { serviceSummarySelect, toServiceSummary } from "@/lib/services/service-summary";

/** A team and the services it owns, primary ownerships first. */
export async function getTeam(db: Db, slug: string) {
  const team = await db.team.findUnique({
    where: { slug },
    select: {
      ...teamFieldsSelect,
      ownerships: {
        select: { isPrimary: true, service: { select: serviceSummarySelect } },
        orderBy: [{ isPrimary: "desc" }, { service: { name: "asc" } }],
      },
    },
  });
  if (!team) throw notFound(`Team "${slug}"`);
  const { ownerships, ...rest } = team;
  return { ...rest, services: ownerships.map((ownership) => ({ ...toServiceSummary(ownership.service), isPrimaryOwner: ownership.isPrimary })) };
}

export type TeamDetail = Awaited<ReturnType<typeof getTeam>>;
