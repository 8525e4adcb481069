import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import { cachedDiff } from "@/lib/diff/diff-cache";
import type { Db } from "@/lib/platform/db/types";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { getEventVersion } from "@/lib/versions/list-event-versions";
import type { VersionRef } from "./diff-service-versions";

/**
 * What changed between any two stored versions (or revisions) of a service's event API, direction-
 * aware (lib/asyncapi/diff-event-apis.ts): compared off the main thread in the readers' lane, kept by
 * the two documents' content hashes and bounded per caller, as HTTP versions are.
 */
export async function diffEventVersions(
  db: Db,
  { actor, slug, from, to, caller }: { actor: Actor; slug: string; from: VersionRef; to: VersionRef; caller: string },
) {
  assertMayRead(actor);
  const [base, revision] = await Promise.all([getEventVersion(db, { serviceSlug: slug, ...from }), getEventVersion(db, { serviceSlug: slug, ...to })]);
  const diffed = await cachedDiff(`event:${base.contentHash}:${revision.contentHash}`, caller, () =>
    runPipeline("diffEventStored", { base: base.json, revision: revision.json, limits: ingestLimitsFromEnv() }, { lane: "read" }),
  );
  return { from: { version: base.version, revision: base.revision }, to: { version: revision.version, revision: revision.revision }, ...diffed };
}
