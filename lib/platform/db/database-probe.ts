import { isDatabaseUnavailable } from "./database-unavailable";

/**
 * Whether the database is away, for the proxy (proxy.ts) to answer pages with a 503 and Retry-After
 * instead of letting them fail with a 500 (an error boundary cannot set a status). It imports nothing of
 * the database layer (the proxy is bundled apart): it asks the process's one database, which lib/platform/db/database.ts
 * keeps on globalThis, a trivial query, at most once every PROBE_MS, bounded by PROBE_TIMEOUT_MS. A
 * probe that is merely slow (an embedded database busy with a long write) does not count as away.
 */
const PROBE_MS = 2_000;
const PROBE_TIMEOUT_MS = 1_500;

type Queryable = { prisma: { $queryRawUnsafe(sql: string): Promise<unknown> } };
const holder = globalThis as typeof globalThis & {
  __wayfinderDb?: Promise<Queryable>;
  __wayfinderProbe?: { at: number; down: Promise<boolean> };
};

async function probe(): Promise<boolean> {
  const opening = holder.__wayfinderDb;
  // No database: its start failed (lib/platform/db/database.ts forgets a failed start so the next use retries).
  if (!opening) return true;
  const answer = opening
    .then((db) => db.prisma.$queryRawUnsafe("SELECT 1"))
    .then(
      () => false,
      (error: unknown) => isDatabaseUnavailable(error),
    );
  const slow = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
  return Promise.race([answer, slow]);
}

export function databaseDown(now = Date.now()): Promise<boolean> {
  const last = holder.__wayfinderProbe;
  if (last && now - last.at < PROBE_MS) return last.down;
  const down = probe();
  holder.__wayfinderProbe = { at: now, down };
  return down;
}

/** The page a browser gets meanwhile: no scripts, it says what is happening and when to try again. */
export const DATABASE_DOWN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Wayfinder is reconnecting</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a;background:#fff}@media (prefers-color-scheme:dark){body{color:#e2e8f0;background:#0f172a}}</style></head><body><main><h1>The portal's database is unavailable</h1><p>Nothing is lost: the portal reconnects by itself as soon as the database is back. This page can be reloaded in a few seconds.</p></main></body></html>`;

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 15;
