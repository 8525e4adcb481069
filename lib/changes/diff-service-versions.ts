import type { Db } from "@/lib/db/types";
import { runPipeline } from "@/lib/pipeline/pipeline-pool";
import { getVersionDocument } from "@/lib/versions/get-version-document";

export interface VersionRef {
  version: string;
  revision?: number;
}

/** What changed between any two stored versions (or revisions) of a service, compared off the main thread. */
export async function diffServiceVersions(db: Db, { slug, from, to }: { slug: string; from: VersionRef; to: VersionRef }) {
  const [base, revision] = await Promise.all([getVersionDocument(db, { serviceSlug: slug, ...from }), getVersionDocument(db, { serviceSlug: slug, ...to })]);
  const result = await runPipeline("diffStored", { base: base.json, revision: revision.json });
  return { from: { version: base.version, revision: base.revision }, to: { version: revision.version, revision: revision.revision }, ...result };
}
