import type { Db } from "@/lib/platform/db/types";
import { cachedCatalogueRead } from "./catalogue-cache";

export interface CatalogueFacets {
  teams: { slug: string; name: string }[];
  tags: string[];
}

/**
 * The teams and tags the catalogue's filters offer. Computing them reads every service's tags, so they
 * are computed once per state of the catalogue (see cachedCatalogueRead).
 */
export function catalogueFacets(db: Db): Promise<CatalogueFacets> {
  return cachedCatalogueRead(db, "facets", async () => {
    const [teams, tags] = await Promise.all([
      db.team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
      db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Service" ORDER BY tag`,
    ]);
    return { teams, tags: tags.map((row) => row.tag) };
  });
}
