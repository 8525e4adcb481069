import type { Db } from "@/lib/db/types";

/** Every tag used by some service, alphabetically, for the catalogue's tag filter. */
export async function listServiceTags(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Service" ORDER BY tag`;
  return rows.map((row) => row.tag);
}
