import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { listEventVersions } from "@/lib/versions/list-event-versions";
import { publishEventVersion } from "@/lib/versions/publish-event-version";

export const GET = defineRoute(operations.listEventVersions, async ({ params: { slug }, reply }) =>
  reply({ items: await listEventVersions(await getDb(), slug) }),
);

/** Publishes an event API description (AsyncAPI): 201 for a new version or revision, 200 when the content is already stored. */
export const POST = defineRoute(operations.publishEventVersion, async ({ request, actor, params: { slug }, query, bytes, reply }) => {
  const db = await getDb();
  // Checked (404, then 401/403) before reading the body, so refused callers cannot make the server parse anything.
  assert(await canActorEditService(db, actor, slug), actor, `publish event API versions of "${slug}"`);
  const limits = ingestLimitsFromEnv();
  // The AsyncAPI parser runs the document's schemas and patterns: in a pipeline thread, under its deadline.
  const prepared = await runPipeline("prepareEventReceived", {
    body: await bytes(limits.maxBytes),
    contentType: request.headers.get("content-type") ?? "",
    limits,
  });
  const result = await publishEventVersion(db, {
    actor,
    serviceSlug: slug,
    prepared,
    origin: query.origin,
    acceptBreaking: query.acceptBreaking,
    dryRun: query.dryRun === "true",
  });
  return reply(result, { status: result.outcome === "created" ? 201 : 200 });
});
