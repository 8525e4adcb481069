import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { cachedDiff } from "@/lib/diff/diff-cache";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { getVersionDocument } from "@/lib/versions/get-version-document";
import { withImpact } from "@/lib/versions/version-impact";
import { assertMayRead } from "@/lib/auth/read-rule";

export interface VersionRef {
  version: string;
  revision?: number;
}

/**
 * What changed between any two stored versions (or revisions) of a service, each breaking and
 * potentially breaking change with the consumers it touches as known now: compared off the main
 * thread in the readers' lane (never in front of a publish), kept by the two documents' content
 * hashes, and bounded per caller (lib/diff/diff-cache.ts).
 */
export async function diffServiceVersions(
  db: Db,
  { actor, slug, from, to, caller }: { actor: Actor; slug: string; from: VersionRef; to: VersionRef; caller: string },
) {
  assertMayRead(actor);
  const [base, revision] = await Promise.all([getVersionDocument(db, { serviceSlug: slug, ...from }), getVersionDocument(db, { serviceSlug: slug, ...to })]);
  const diffed = await cachedDiff(`${base.contentHash}:${revision.contentHash}:reach`, caller, () =>
    runPipeline("diffStored", { base: base.json, revision: revision.json, reach: true }, { lane: "read" }),
  );
  const result = await withImpact(db, {
    providerId: revision.serviceId,
    result: diffed,
    revisionVersion: revision.version,
    baseVersionId: base.id,
    revision: { versionId: revision.id },
  });
  return { from: { version: base.version, revision: base.revision }, to: { version: revision.version, revision: revision.revision }, ...result };
}
