import type { Actor } from "@/lib/auth/actor";
import { canEditService } from "@/lib/auth/permissions";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";

/**
 * A service's URL source and its status: last attempt, last success, version served, and whether the
 * last refresh failed. Why it failed (which may name internal addresses, or what a refused redirect
 * pointed at) is shown only to those who may edit the service.
 */
export async function getSource(db: Db, { actor, slug }: { actor: Actor; slug: string }) {
  const service = await db.service.findUnique({
    where: { slug },
    select: { id: true, ownerships: { select: { teamId: true } }, currentVersion: { select: { version: true, revision: true } }, source: true },
  });
  if (!service) throw notFound(`Service "${slug}"`);
  const source = service.source;
  if (!source) return null;
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const mayEdit =
    actor.kind !== "anonymous" && canEditService(actor, { id: service.id, ownerTeamIds: service.ownerships.map((ownership) => ownership.teamId) });
  return {
    url: source.url,
    pollIntervalMinutes: source.pollIntervalMinutes,
    lastAttemptAt: iso(source.lastAttemptAt),
    lastSuccessAt: iso(source.lastSuccessAt),
    failing: source.lastError !== null,
    lastError: mayEdit ? source.lastError : null,
    lastErrorDetails: mayEdit ? source.lastErrorDetails : null,
    nextPollAt: iso(source.nextPollAt),
    servedVersion: service.currentVersion,
  };
}

export type SourceStatus = NonNullable<Awaited<ReturnType<typeof getSource>>>;
