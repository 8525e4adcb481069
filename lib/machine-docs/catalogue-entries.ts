import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";

/** One service as the machine-readable indexes list it: its newest HTTP contract and event API, if any. */
export interface CatalogueEntry {
  slug: string;
  name: string;
  description: string;
  lifecycle: string;
  owner: string | null;
  http: { version: string; title: string; operations: number } | null;
  event: { version: string; title: string; operations: number } | null;
}

/**
 * Every service that is not retired, by name, with its current HTTP version and newest event version:
 * what /llms.txt and /.well-known/api-catalog list. The portal's read rule applies.
 */
export async function listCatalogueEntries(db: Db, actor: Actor): Promise<CatalogueEntry[]> {
  assertMayRead(actor);
  const rows = await db.service.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      description: true,
      lifecycle: true,
      ownerships: { where: { isPrimary: true }, select: { team: { select: { name: true } } } },
      currentVersion: { select: { version: true, title: true, operationCount: true } },
      eventVersions: { orderBy: { createdAt: "desc" }, take: 1, select: { version: true, title: true, operationCount: true } },
    },
  });
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    description: row.description,
    lifecycle: row.lifecycle,
    owner: row.ownerships[0]?.team.name ?? null,
    http: row.currentVersion ? { version: row.currentVersion.version, title: row.currentVersion.title, operations: row.currentVersion.operationCount } : null,
    event: row.eventVersions[0] ? { ...row.eventVersions[0], operations: row.eventVersions[0].operationCount } : null,
  }));
}
