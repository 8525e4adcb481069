import type { Actor } from "@/lib/auth/actor";
import type { Level } from "@/lib/diff/diff-types";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { comparedSelect } from "@/lib/versions/version-view";
import { changelogEntry, publishersOf } from "./changelog-entry";

/**
 * A service's event API changelog: every version and revision, newest first, with when and by whom it
 * was published (as the reader may see it), what it was compared with, and its classified changes
 * (only those at `level` when given). Empty when the service has no event API.
 */
export async function listEventChanges(db: Db, { actor, slug, level }: { actor: Actor; slug: string; level?: Level }) {
  const service = await db.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw notFound(`Service "${slug}"`);
  const [versions, publishers] = await Promise.all([
    db.eventVersion.findMany({
      where: { serviceId: service.id },
      orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
      select: { ...comparedSelect, changes: true },
    }),
    publishersOf(db, actor, service.id, ["event_version.publish"]),
  ]);
  return versions.map((version) => changelogEntry(version, publishers, level));
}
