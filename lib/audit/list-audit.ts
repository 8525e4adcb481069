import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import type { AuditEntityType } from "./record-audit";
import { redactAudit } from "./redact-audit";

/** Filters of the audit log, shared by `GET /api/v1/audit` and the admin page. */
export const auditFiltersSchema = z.object({
  service: z.string().trim().max(63).optional(),
  team: z.string().trim().max(63).optional(),
  action: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(200).optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Audit entries, newest first; `before` pages back through time; what each reader may see of them (redact-audit.ts). */
export async function listAudit(db: Db, filters: AuditFilters, actor: Actor) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(filters.service ? { serviceId: (await db.service.findUnique({ where: { slug: filters.service }, select: { id: true } }))?.id ?? "none" } : {}),
    ...(filters.team ? { entityType: { in: ["team", "membership", "token"] }, entityKey: filters.team } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.actor ? { actorLabel: { contains: filters.actor, mode: "insensitive" } } : {}),
    ...(filters.before ? { at: { lt: new Date(filters.before) } } : {}),
  };
  const rows = await redactAudit(db, actor, await db.auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: filters.limit }));
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: { kind: row.actorKind, label: row.actorLabel },
    action: row.action,
    // Written only by recordAudit, whose input is typed (the column is text).
    entityType: row.entityType as AuditEntityType,
    entityKey: row.entityKey,
    before: row.before,
    after: row.after,
  }));
}

export type AuditEntryView = Awaited<ReturnType<typeof listAudit>>[number];
