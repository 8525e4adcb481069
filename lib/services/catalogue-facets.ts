import type { Db } from "@/lib/db/types";

export interface CatalogueFacets {
  teams: { slug: string; name: string }[];
  tags: string[];
}

/** What the facets were computed from: any service or team added, removed or changed moves it. */
async function fingerprint(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws('/', (SELECT count(*) FROM "Service"), (SELECT max("updatedAt") FROM "Service"),
                          (SELECT count(*) FROM "Team"), (SELECT max("updatedAt") FROM "Team")) AS fingerprint`;
  return row?.fingerprint ?? "";
}

/** Per database client (a process may hold several, as tests do). */
const cache = new WeakMap<Db, { fingerprint: string; facets: Promise<CatalogueFacets> }>();

/**
 * The teams and tags the catalogue's filters offer. Computing them reads every service's tags, so they
 * are kept per process and recomputed only when services or teams change: one cheap query (counts and
 * latest `updatedAt`) tells, so every instance sees a change at its next request.
 */
export async function catalogueFacets(db: Db): Promise<CatalogueFacets> {
  const current = await fingerprint(db);
  let cached = cache.get(db);
  if (cached?.fingerprint !== current) {
    const facets = Promise.all([
      db.team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
      db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Service" ORDER BY tag`,
    ]).then(([teams, tags]) => ({ teams, tags: tags.map((row) => row.tag) }));
    cached = { fingerprint: current, facets };
    cache.set(db, cached);
    facets.catch(() => {
      if (cache.get(db)?.facets === facets) cache.delete(db);
    });
  }
  return cached.facets;
}
