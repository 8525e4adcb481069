import type { Db } from "@/lib/platform/db/types";
import { cachedDiff } from "@/lib/diff/diff-cache";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { getVersionDocument } from "@/lib/versions/get-version-document";

export interface VersionRef {
  version: string;
  revision?: number;
}

/**
 * What changed between any two stored versions (or revisions) of a service: compared off the main
 * thread in the readers' lane (never in front of a publish), kept by the two documents' content hashes,
 * and bounded per caller (lib/diff/diff-cache.ts).
 */
export async function diffServiceVersions(db: Db, { slug, from, to, caller }: { slug: string; from: VersionRef; to: VersionRef; caller: string }) {
  const [base, revision] = await Promise.all([getVersionDocument(db, { serviceSlug: slug, ...from }), getVersionDocument(db, { serviceSlug: slug, ...to })]);
  const result = await cachedDiff(`${base.contentHash}:${revision.contentHash}`, caller, () =>
    runPipeline("diffStored", { base: base.json, revision: revision.json }, { lane: "read" }),
  );
  return { from: { version: base.version, revision: base.revision }, to: { version: revision.version, revision: revision.revision }, ...result };
}
