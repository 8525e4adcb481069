import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { observedSince, OBSERVED_WINDOW_DAYS } from "./load-impact-consumers";
import { isMethodAndPath, operationKey } from "./operation-key";
import { rangeIncludes } from "./version-range";

/**
 * The operations of a service's current version that no consumer names in a declaration and none was
 * seen calling in the last 90 days: candidates for deprecation. A whole-API declaration names no
 * operation in particular, so it is counted apart (`wholeApiConsumers`): with any, "unused" means
 * "nobody said they use it". Declarations whose version range leaves out the current version do not count.
 */
export async function listUnusedOperations(db: Db, { actor, slug, now = new Date() }: { actor: Actor; slug: string; now?: Date }) {
  assertMayRead(actor);
  const service = await db.service.findUnique({ where: { slug }, select: { id: true, currentVersionId: true, currentVersion: { select: { version: true } } } });
  if (!service) throw notFound(`Service "${slug}"`);
  const [operations, declarations, uses] = await Promise.all([
    service.currentVersionId
      ? db.operation.findMany({
          where: { apiVersionId: service.currentVersionId },
          select: { method: true, path: true, operationId: true, deprecated: true },
          orderBy: [{ path: "asc" }, { method: "asc" }],
        })
      : [],
    db.consumption.findMany({ where: { providerId: service.id, consumer: { archivedAt: null } }, select: { operations: true, versions: true } }),
    db.operationUse.findMany({ where: { providerId: service.id, lastSeenAt: { gte: observedSince(now) } }, select: { operation: true } }),
  ]);
  const current = service.currentVersion?.version;
  const inRange = declarations.filter((declaration) => current === undefined || rangeIncludes(declaration.versions, current));
  const used = new Set<string>();
  for (const { operations: named } of inRange)
    for (const operation of named) used.add(isMethodAndPath(operation) ? operationKey(operation) : `id:${operation}`);
  for (const { operation } of uses) used.add(operationKey(operation));
  const unused = operations.filter(
    (operation) => !used.has(operationKey(`${operation.method} ${operation.path}`)) && !(operation.operationId && used.has(`id:${operation.operationId}`)),
  );
  return {
    windowDays: OBSERVED_WINDOW_DAYS,
    wholeApiConsumers: inRange.filter((declaration) => !declaration.operations.length).length,
    operations: unused.map((operation) => ({
      operation: `${operation.method.toUpperCase()} ${operation.path}`,
      operationId: operation.operationId,
      deprecated: operation.deprecated,
    })),
  };
}
