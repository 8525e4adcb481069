import type { Actor } from "@/lib/auth/actor";
import { assert, canAcceptBreaking, canEditService } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import type { DiffSummary } from "@/lib/diff/diff-types";
import { notFound } from "@/lib/platform/errors";
import type { PreparedDocument } from "@/lib/openapi/prepare-document";
import { coversUnderBlock } from "@/lib/approvals/load-covers";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { versionBase, violatesSemver } from "./version-base";
import { policyFromDb, type BreakingPolicy } from "@/lib/approvals/breaking-policy";
import { refusedChanges } from "./breaking-gate";
import { withImpact } from "./version-impact";

export interface PublishPreview {
  policy: BreakingPolicy;
  /** The version it would follow, or null for a first version (or content already stored). */
  base: { version: string; revision: number } | null;
  summary: DiffSummary | null;
  semverViolation: boolean;
  /** Whether publishing it as it is would be refused (409): breaking changes under `block`, or ones touching a consumer under `block-if-consumed`. */
  refused: boolean;
  /** Whether this caller may publish it anyway with a reason (the service's maintainers, or an owning team's token). */
  mayAcceptBreaking: boolean;
  /** Content already stored: publishing would change nothing. */
  unchanged: boolean;
}

/**
 * What publishing a checked document would do under the service's breaking-change policy, before
 * anything is stored: compared with the version it would follow (in a pipeline thread), so the
 * upload panel's Check and `wayfinder publish --dry-run` can warn that a publish will be refused, and
 * whether the caller may give a reason. Those who may publish only.
 */
export async function previewPublish(
  db: Db,
  { actor, serviceSlug, prepared }: { actor: Actor; serviceSlug: string; prepared: PreparedDocument },
): Promise<PublishPreview> {
  const service = await db.service.findUnique({
    where: { slug: serviceSlug },
    select: { id: true, breakingChangePolicy: true, ownerships: { select: { teamId: true } } },
  });
  if (!service) throw notFound(`Service "${serviceSlug}"`);
  const ownerTeamIds = service.ownerships.map((ownership) => ownership.teamId);
  assert(canEditService(actor, { id: service.id, ownerTeamIds }), actor, `publish API versions of "${serviceSlug}"`);
  const mayAcceptBreaking = canAcceptBreaking(actor, { id: service.id, ownerTeamIds });
  const preview = { policy: policyFromDb(service.breakingChangePolicy), mayAcceptBreaking, base: null, summary: null, semverViolation: false, refused: false };
  if (await db.apiVersion.count({ where: { serviceId: service.id, contentHash: prepared.contentHash } })) return { ...preview, unchanged: true };
  const versions = await db.apiVersion.findMany({
    where: { serviceId: service.id, pendingSince: null },
    select: { id: true, version: true, revision: true, createdAt: true },
  });
  const base = versionBase(versions, prepared.version);
  if (!base) return { ...preview, unchanged: false };
  const stored = await db.apiDocument.findUniqueOrThrow({ where: { apiVersionId: base.id }, select: { json: true } });
  const diffed = await runPipeline("diffStored", { base: stored.json, revision: prepared.json, reach: true });
  const result = await withImpact(db, {
    providerId: service.id,
    result: diffed,
    revisionVersion: prepared.version,
    baseVersionId: base.id,
    revision: prepared,
  });
  const { summary } = result;
  // As publishing decides: breaking changes each approved (or waived) pass; under `block-if-consumed`, those touching nobody too.
  const covers = await coversUnderBlock(db, { id: service.id, ownerTeamIds, breakingChangePolicy: service.breakingChangePolicy }, result);
  return {
    ...preview,
    unchanged: false,
    base: { version: base.version, revision: base.revision },
    summary,
    semverViolation: violatesSemver(base.version, prepared.version, summary.breaking),
    refused: refusedChanges(service.breakingChangePolicy, result, covers).refused,
  };
}
