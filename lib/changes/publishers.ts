import type { Actor } from "@/lib/auth/actor";
import { redactAudit } from "@/lib/audit/redact-audit";
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
