import type { Db } from "@/lib/platform/db/types";

/** Every service that is not archived, by name: what a form offers to pick from (a provider to consume). */
export async function listServiceChoices(db: Db): Promise<{ slug: string; name: string }[]> {
  return db.service.findMany({ where: { archivedAt: null }, select: { slug: true, name: true }, orderBy: { name: "asc" } });
}
