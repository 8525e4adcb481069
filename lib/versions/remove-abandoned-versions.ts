import type { Db } from "@/lib/platform/db/types";

/** A publish writes its operations within seconds; one pending this long died half-way. */
export const ABANDONED_AFTER_MS = 3_600_000;

/**
 * Removes versions a publish began and never finished (the process stopped while it wrote their
 * operations): they were never visible, and their content may be published again. Returns how many.
 */
export async function removeAbandonedVersions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.apiVersion.deleteMany({ where: { pendingSince: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } } });
  return count;
}
