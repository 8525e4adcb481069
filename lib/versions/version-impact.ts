import type { DiffResult } from "@/lib/diff/diff-types";
import { annotateImpact } from "@/lib/consumers/change-impact";
import { loadImpactConsumers } from "@/lib/consumers/load-impact-consumers";
import { operationIdIndex } from "@/lib/consumers/operation-key";
import type { Db } from "@/lib/platform/db/types";

type OperationRef = { operationId: string | null; method: string; path: string };

/**
 * A diff between two versions of a provider with, on each breaking and potentially breaking change,
 * the consumers it touches (lib/consumers/change-impact.ts). operationIds in declarations resolve
 * against both versions' operations: the base's from the index, the revision's as given (a version
 * being published has none stored yet) or from the index.
 */
export async function withImpact(
  db: Db,
  {
    providerId,
    result,
    revisionVersion,
    baseVersionId,
    revision,
  }: {
    providerId: string;
    result: DiffResult;
    revisionVersion: string;
    baseVersionId: string;
    revision: { operations: OperationRef[] } | { versionId: string };
  },
): Promise<DiffResult> {
  const consumers = await loadImpactConsumers(db, providerId);
  const named = { operationId: { not: null } };
  const [base, stored] = await Promise.all([
    db.operation.findMany({ where: { apiVersionId: baseVersionId, ...named }, select: { operationId: true, method: true, path: true } }),
    "versionId" in revision
      ? db.operation.findMany({ where: { apiVersionId: revision.versionId, ...named }, select: { operationId: true, method: true, path: true } })
      : revision.operations,
  ]);
  return annotateImpact(result, consumers, { revisionVersion, operationIds: operationIdIndex([...stored, ...base]) });
}
