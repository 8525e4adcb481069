import { Prisma } from "@/generated/prisma/client";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { assert } from "@/lib/auth/permissions";
import { canActorEditService } from "@/lib/services/can-edit-service";
import type { Db } from "@/lib/platform/db/types";
import { isAppError, notFound } from "@/lib/platform/errors";
import { env } from "@/lib/platform/env";
import { ingestLimitsFromEnv, type IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { logger } from "@/lib/platform/logger";
import { publishPrepared, type PublishResult } from "@/lib/versions/publish-version";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { publishEventVersion, type EventPublishResult } from "@/lib/versions/publish-event-version";

/** `retryable`: the failure may pass by itself (a fetch failure or timeout, the database away), unlike an invalid document. */
export type RefreshResult =
  { status: "not-modified" } | { status: "published"; result: PublishResult | EventPublishResult } | { status: "failed"; error: string; retryable: boolean };

const RETRYABLE = new Set(["FETCH_FAILED", "DATABASE_UNAVAILABLE"]);

/**
 * Fetches one URL source now and publishes what it serves: an OpenAPI or Swagger document as a version
 * of the service's HTTP contract, an AsyncAPI one as a version of its event API. Success or failure is recorded on the
 * source; a failure never touches the versions, so the last good one stays served.
 */
export async function refreshSource(
  db: Db,
  sourceId: string,
  actor: Actor = systemActor("URL source poller"),
  limitOverrides: Partial<IngestLimits> = {},
): Promise<RefreshResult> {
  const source = await db.specSource.findUniqueOrThrow({
    where: { id: sourceId },
    select: { id: true, url: true, etag: true, lastModified: true, pollIntervalMinutes: true, service: { select: { slug: true } } },
  });
  const now = new Date();
  const next = new Date(now.getTime() + source.pollIntervalMinutes * 60_000);
  try {
    // Fetched and checked off the main thread (lib/pipeline), like a pushed document.
    const outcome = await runPipeline("fetchDocument", {
      url: source.url,
      allow: env().WAYFINDER_FETCH_ALLOW,
      limits: { ...ingestLimitsFromEnv(), ...limitOverrides },
      etag: source.etag,
      lastModified: source.lastModified,
    });
    if (outcome.kind === "not-modified") {
      await db.specSource.update({
        where: { id: source.id },
        data: { lastAttemptAt: now, lastSuccessAt: now, lastError: null, lastErrorDetails: Prisma.DbNull, nextPollAt: next },
      });
      return { status: "not-modified" };
    }
    // What the URL serves decides the contract: an AsyncAPI document becomes a version of the event API.
    const result =
      outcome.kind === "fetched-event"
        ? await publishEventVersion(db, { actor, serviceSlug: source.service.slug, prepared: outcome.prepared, origin: "url" })
        : await publishPrepared(db, { actor, serviceSlug: source.service.slug, prepared: outcome.prepared, origin: "url" });
    await db.specSource.update({
      where: { id: source.id },
      data: {
        lastAttemptAt: now,
        lastSuccessAt: now,
        lastError: null,
        lastErrorDetails: Prisma.DbNull,
        etag: outcome.etag,
        lastModified: outcome.lastModified,
        nextPollAt: next,
      },
    });
    return { status: "published", result };
  } catch (error) {
    if (!isAppError(error)) logger.error({ event: "source.error", sourceId, err: error }, "unexpected error refreshing a URL source");
    const message = isAppError(error) ? error.message : "Unexpected error; see the server log.";
    const details = (isAppError(error) ? error.details : undefined) as Prisma.InputJsonValue | undefined;
    await db.specSource.update({
      where: { id: source.id },
      data: { lastAttemptAt: now, lastError: message, lastErrorDetails: details ?? Prisma.DbNull, nextPollAt: next },
    });
    return { status: "failed", error: message, retryable: !isAppError(error) || RETRYABLE.has(error.code) };
  }
}

/** "Refresh now" for a service (those who may edit it): fetches its URL source at once. */
export async function refreshServiceSource(db: Db, { actor, slug }: { actor: Actor; slug: string }): Promise<RefreshResult> {
  assert(await canActorEditService(db, actor, slug), actor, `refresh the document of "${slug}"`);
  const source = await db.specSource.findFirst({ where: { service: { slug } }, select: { id: true } });
  if (!source) throw notFound(`A document URL for "${slug}"`);
  return refreshSource(db, source.id, actor);
}
