import type { Prisma } from "@/generated/prisma/client";
import { actorLabel, type Actor } from "@/lib/auth/actor";

export const AUDIT_ENTITY_TYPES = ["service", "team", "membership", "token", "import", "webhook", "waiver"] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface AuditInput {
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  entityKey?: string | null;
  serviceId?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

/** Writes one audit entry; call it with the mutation's transaction so both commit or neither does. */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorKind: actor.kind === "anonymous" ? "system" : actor.kind,
      actorId: actor.kind === "user" ? actor.userId : actor.kind === "token" ? actor.tokenId : null,
      actorLabel: actorLabel(actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityKey: entry.entityKey ?? null,
      serviceId: entry.serviceId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
