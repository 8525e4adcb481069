import type { Db } from "@/lib/platform/db/types";

/**
 * What the catalogue's lists are computed from: any service or team added, removed or changed
 * (publishing a version, an ownership transfer and archiving all touch the service's `updatedAt`),
 * or a scorecard level written (only written when it changes), moves it. One cheap query, so every instance notices a change at its next request.
 */
export async function catalogueFingerprint(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws('/', (SELECT count(*) FROM "Service"), (SELECT max("updatedAt") FROM "Service"),
                          (SELECT count(*) FROM "Team"), (SELECT max("updatedAt") FROM "Team"),
                          (SELECT count(*) FROM "ScorecardResult"), (SELECT max("computedAt") FROM "ScorecardResult")) AS fingerprint`;
  return row?.fingerprint ?? "";
}

const MAX_ENTRIES = 500;
/** Per database client (a process may hold several, as tests do): key → value, newest use last. */
const caches = new WeakMap<Db, { fingerprint: string; entries: Map<string, Promise<unknown>> }>();

/**
 * A catalogue read computed once per state of the catalogue and kept in this process: the list pages
 * and filters everybody opens are answered from memory until a service or team changes. `key` must
 * hold everything the result depends on besides the catalogue (filters, the caller's teams).
 */
export async function cachedCatalogueRead<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const fingerprint = await catalogueFingerprint(db);
  let cache = caches.get(db);
  if (cache?.fingerprint !== fingerprint) {
    cache = { fingerprint, entries: new Map() };
    caches.set(db, cache);
  }
  const entries = cache.entries;
  let value = entries.get(key) as Promise<T> | undefined;
  if (value) entries.delete(key);
  else {
    value = compute();
    value.catch(() => {
      if (entries.get(key) === value) entries.delete(key);
    });
  }
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
