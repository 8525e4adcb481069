import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { DiffResult } from "@/lib/diff/diff-types";
import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { annotateImpact } from "./change-impact";
import { loadImpactConsumers } from "./load-impact-consumers";
import { isMethodAndPath, operationIdIndex } from "./operation-key";

/**
 * A diff of two documents sent for a stored service (`POST /api/v1/diff` with `service`) with the
 * consumers each change touches. Declared operationIds resolve against every version of the service
 * (a declaration was checked against them); `revisionVersion` is the revision document's info.version.
 */
export async function impactOnProvider(
  db: Db,
  { actor, providerSlug, result, revisionVersion }: { actor: Actor; providerSlug: string; result: DiffResult; revisionVersion: string },
) {
  assertMayRead(actor);
  const provider = await db.service.findUnique({ where: { slug: providerSlug }, select: { id: true } });
  if (!provider) throw new AppError("VALIDATION_FAILED", `Invalid service: no service has the slug "${providerSlug}".`, { field: "service" });
  const consumers = await loadImpactConsumers(db, provider.id);
  const ids = [...new Set(consumers.flatMap((consumer) => consumer.declared?.operations.filter((operation) => !isMethodAndPath(operation)) ?? []))];
  const operations = ids.length
    ? await db.operation.findMany({
        where: { operationId: { in: ids }, apiVersion: { serviceId: provider.id, pendingSince: null } },
        select: { operationId: true, method: true, path: true },
        distinct: ["operationId", "method", "path"],
      })
    : [];
  return annotateImpact(result, consumers, { revisionVersion, operationIds: operationIdIndex(operations) });
}
