import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canEditService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { loadServiceSnapshot } from "@/lib/services/service-snapshot";
import { sourceInputSchema, type SourceInput } from "./source-input";

/**
 * Sets (or replaces) a service's URL source; it is fetched at once by the caller, then polled. The
 * next poll is a whole interval away from the start: the caller's fetch is the first, and a source
 * that were due at once could be claimed by the background work while that fetch runs.
 */
export async function setSource(db: Db, { actor, slug, input }: { actor: Actor; slug: string; input: SourceInput }) {
  const data = sourceInputSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const service = await loadServiceSnapshot(tx, slug);
    assert(canEditService(actor, service), actor, `set the document URL of "${slug}"`);
    const before = await tx.specSource.findUnique({ where: { serviceId: service.id }, select: { url: true, pollIntervalMinutes: true } });
    const nextPollAt = new Date(Date.now() + data.pollIntervalMinutes * 60_000);
    const fresh = { etag: null, lastModified: null, lastError: null, nextPollAt };
    const source = await tx.specSource.upsert({
      where: { serviceId: service.id },
      create: { serviceId: service.id, ...data, nextPollAt },
      update: { ...data, ...fresh },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: before ? "source.update" : "source.create",
      entityType: "service",
      entityId: service.id,
      entityKey: slug,
      serviceId: service.id,
      before: before ?? undefined,
      after: data,
    });
    return source;
  });
}

/** Removes a service's URL source; its versions stay. */
export async function removeSource(db: Db, { actor, slug }: { actor: Actor; slug: string }) {
  return inTransaction(db, async (tx) => {
    const service = await loadServiceSnapshot(tx, slug);
    assert(canEditService(actor, service), actor, `remove the document URL of "${slug}"`);
    const before = await tx.specSource.findUnique({ where: { serviceId: service.id }, select: { url: true, pollIntervalMinutes: true } });
    if (!before) return;
    await tx.specSource.delete({ where: { serviceId: service.id } });
    await recordAudit(tx, actor, { action: "source.delete", entityType: "service", entityId: service.id, entityKey: slug, serviceId: service.id, before });
  });
}
