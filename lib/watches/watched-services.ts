import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { isFeedKey } from "./feed-key";

/** The services a person's private feed link covers: refused (403) when the key is not theirs. */
export async function watchedServiceIds(db: Db, { watcher, key }: { watcher: string; key: string }): Promise<string[]> {
  if (!isFeedKey(watcher, key)) throw new AppError("FORBIDDEN", "This feed link is not valid (copy it again from your watched services).");
  const rows = await db.serviceWatch.findMany({ where: { userId: watcher }, select: { serviceId: true } });
  return rows.map((row) => row.serviceId);
}
