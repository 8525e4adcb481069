import type { Actor } from "@/lib/auth/actor";
import { redactAudit } from "@/lib/audit/redact-audit";
import type { Change, Level } from "@/lib/diff/diff-types";
import type { Db } from "@/lib/platform/db/types";

/**
 * Who published each version of a service (`version#revision` → the publisher as the reader may see
 * them: see redact-audit.ts), from the audit entries of the given publishing actions.
 */
export async function publishersOf(db: Db, actor: Actor, serviceId: string, actions: string[]): Promise<Map<string, string>> {
  const entries = await db.auditEntry.findMany({ where: { serviceId, action: { in: actions } } });
  const publishers = new Map<string, string>();
  for (const entry of await redactAudit(db, actor, entries)) {
    const after = entry.after as { version?: string; revision?: number } | null;
    if (after?.version) publishers.set(`${after.version}#${after.revision}`, entry.actorLabel);
  }
  return publishers;
}

/**
 * One version of a changelog, HTTP or event API alike: when, by whom and how it was published, what
 * it was compared with, its counts, and its changes (only those at `level` when given).
 */
export function changelogEntry<Origin extends string>(
  version: {
    version: string;
    revision: number;
    createdAt: Date;
    origin: Origin;
    baseVersion: string | null;
    baseRevision: number | null;
    breakingCount: number;
    warningCount: number;
    infoCount: number;
    changes: unknown;
  },
  publishers: Map<string, string>,
  level?: Level,
) {
  return {
    version: version.version,
    revision: version.revision,
    publishedAt: version.createdAt.toISOString(),
    publishedBy: publishers.get(`${version.version}#${version.revision}`) ?? null,
    origin: version.origin,
    base: version.baseVersion !== null && version.baseRevision !== null ? { version: version.baseVersion, revision: version.baseRevision } : null,
    summary: { breaking: version.breakingCount, warning: version.warningCount, info: version.infoCount },
    changes: ((version.changes as Change[] | null) ?? []).filter((change) => !level || change.level === level),
  };
}
