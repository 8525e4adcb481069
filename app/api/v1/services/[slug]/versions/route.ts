import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { listVersions } from "@/lib/versions/list-versions";
import { previewPublish } from "@/lib/versions/preview-publish";
import { publishPrepared } from "@/lib/versions/publish-version";
import { describePrepared } from "@/lib/openapi/describe-prepared";

export const GET = defineRoute(operations.listServiceVersions, async ({ params: { slug }, reply }) =>
  reply({ items: await listVersions(await getDb(), slug) }),
);

/**
 * Publishes an API description: one JSON or YAML document, or a bundle of files
 * (`application/vnd.wayfinder.bundle+json`). With `?dryRun=true` it only runs the pipeline and says
 * what would be stored. 201 for a new version or revision, 200 when the content is already stored.
 */
export const POST = defineRoute(operations.publishVersion, async ({ request, actor, params: { slug }, query, bytes, reply }) => {
  const db = await getDb();
  // Checked (404, then 401/403) before reading the body, so refused callers cannot make the server parse anything.
  assert(await canActorEditService(db, actor, slug), actor, `publish API versions of "${slug}"`);
  const limits = ingestLimitsFromEnv();
  // Off the main thread: a large document must not hold up every other request while it is checked.
  const prepared = await runPipeline("prepareReceived", { body: await bytes(limits.maxBytes), contentType: request.headers.get("content-type") ?? "", limits });
  if (query.dryRun === "true")
    return reply({ outcome: "valid", ...describePrepared(prepared), preview: await previewPublish(db, { actor, serviceSlug: slug, prepared }) });
  const result = await publishPrepared(db, {
    actor,
    serviceSlug: slug,
    prepared,
    origin: query.origin,
    acceptBreaking: query.acceptBreaking,
    committedAt: query.committedAt ? new Date(query.committedAt) : undefined,
  });
  return reply({ ...describePrepared(prepared), ...result }, { status: result.outcome === "created" ? 201 : 200 });
});
