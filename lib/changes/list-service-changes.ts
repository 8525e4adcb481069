import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import type { Change, Level } from "@/lib/diff/diff-types";
import { notFound } from "@/lib/platform/errors";
import { versionDiffSelect } from "@/lib/versions/version-view";
import { tallyConsumers } from "@/lib/diff/tally-consumers";
import { changelogEntry, publishersOf } from "./changelog-entry";

/**
 * A service's changelog: every version and revision, newest first, with when and by whom it was
 * published (as the reader may see it: see redact-audit.ts), what it was compared with, and its
 * classified changes (only those at `level` when given). Versions published before Wayfinder compared
 * them, and a service's first version, have no base.
 */
export async function listServiceChanges(db: Db, { actor, slug, level }: { actor: Actor; slug: string; level?: Level }) {
  const service = await db.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw notFound(`Service "${slug}"`);
  const [versions, publishers] = await Promise.all([
    db.apiVersion.findMany({
      where: { serviceId: service.id, pendingSince: null },
      orderBy: [{ createdAt: "desc" }, { revision: "desc" }],
      select: {
        ...versionDiffSelect,
        changes: true,
      },
    }),
    publishersOf(db, actor, service.id, ["version.publish", "version.publish_breaking"]),
  ]);
  return versions.map((version) => {
    const { changes, ...entry } = changelogEntry(version, publishers, level);
    return {
      ...entry,
      semverViolation: version.semverViolation,
      acceptedBreakingReason: version.acceptedBreakingReason,
      consumers: tallyConsumers((version.changes as Change[] | null) ?? []),
      changes,
    };
  });
}

export type VersionChanges = Awaited<ReturnType<typeof listServiceChanges>>[number];
