import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";

/** A service's URL source and its status: last attempt, last success, last error, version served. */
export async function getSource(db: Db, slug: string) {
  const service = await db.service.findUnique({
    where: { slug },
    select: { currentVersion: { select: { version: true, revision: true } }, source: true },
  });
  if (!service) throw notFound(`Service "${slug}"`);
  const source = service.source;
  if (!source) return null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    url: source.url,
    pollIntervalMinutes: source.pollIntervalMinutes,
    lastAttemptAt: iso(source.lastAttemptAt),
    lastSuccessAt: iso(source.lastSuccessAt),
    lastError: source.lastError,
    lastErrorDetails: source.lastErrorDetails,
    nextPollAt: iso(source.nextPollAt),
    servedVersion: service.currentVersion,
  };
}

export type SourceStatus = NonNullable<Awaited<ReturnType<typeof getSource>>>;
