import type { Db } from "@/lib/db/types";
import { refreshSource } from "./refresh-source";

/**
 * Claims the URL sources that are due and refreshes them. Claiming moves each one's next poll forward
 * under FOR UPDATE SKIP LOCKED, so several instances sharing one database never poll the same source
 * at once. Returns how many were polled.
 */
export async function pollDueSources(db: Db, batch = 5): Promise<number> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "SpecSource" SET "nextPollAt" = now() + interval '10 minutes'
    WHERE id IN (SELECT id FROM "SpecSource" WHERE "nextPollAt" <= now() ORDER BY "nextPollAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  for (const { id } of claimed) await refreshSource(db, id);
  return claimed.length;
}
