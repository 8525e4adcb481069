import { Prisma } from "@/generated/prisma/client";
import type { VersionOrigin } from "@/generated/prisma/enums";
import type { PreparedEventDocument } from "@/lib/asyncapi/prepare-event-document";
import type { AsyncApiFormat } from "@/lib/asyncapi/read-asyncapi";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canAcceptBreaking, canEditService } from "@/lib/auth/permissions";
import { coversUnderBlock } from "@/lib/approvals/load-covers";
import type { DiffResult, DiffSummary } from "@/lib/diff/diff-types";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError, notFound } from "@/lib/platform/errors";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { indexEventApi } from "@/lib/asyncapi/index-event-api";
import { policyVerdict } from "./breaking-gate";
import { versionBase } from "./version-base";

export interface EventPublishResult {
  /** `valid`: a dry run found it publishable (nothing stored). */
  outcome: "created" | "unchanged" | "valid";
  kind: "version" | "revision" | "unchanged";
  message: string;
  version: string;
  revision: number;
  contentHash: string;
  format: AsyncApiFormat;
  asyncapi: string;
  convertedFrom: string | null;
  channelCount: number;
  operationCount: number;
  messageCount: number;
  diff: { base: { version: string; revision: number }; summary: DiffSummary; acceptedBreakingReason: string | null } | null;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function describe(result: Omit<EventPublishResult, "message">): string {
  if (result.outcome === "unchanged") return `Already stored as ${result.version} (revision ${result.revision}): nothing changed.`;
  const what = `${result.kind === "revision" ? `Revision ${result.revision} of` : "Version"} ${result.version} of the event API ${result.outcome === "valid" ? "would be published" : "published"}`;
  const converted = result.convertedFrom ? `, converted from AsyncAPI ${result.convertedFrom} to ${result.asyncapi}` : "";
  const holds = `${plural(result.channelCount, "channel")}, ${plural(result.operationCount, "operation")}, ${plural(result.messageCount, "message")}`;
  const changes = result.diff
    ? ` Against ${result.diff.base.version} (revision ${result.diff.base.revision}): ${result.diff.summary.breaking} breaking, ${result.diff.summary.warning} potentially breaking, ${result.diff.summary.info} other changes.${result.diff.acceptedBreakingReason ? ` Breaking changes accepted: ${result.diff.acceptedBreakingReason}.` : ""}`
    : "";
  return `${what}${converted}: ${holds}.${changes}`;
}

/**
 * The service and whether the actor may publish to it (those who may edit it: its maintainers and its
 * team's tokens), and, when a reason to publish breaking changes is given, accept them.
 */
async function serviceFor(db: Db, actor: Actor, serviceSlug: string, acceptBreaking: string | undefined) {
  const found = await db.service.findUnique({
    where: { slug: serviceSlug },
    select: { id: true, breakingChangePolicy: true, ownerships: { select: { teamId: true } } },
  });
  if (!found) throw notFound(`Service "${serviceSlug}"`);
  const service = { id: found.id, breakingChangePolicy: found.breakingChangePolicy, ownerTeamIds: found.ownerships.map((ownership) => ownership.teamId) };
  assert(canEditService(actor, service), actor, `publish event API versions of "${serviceSlug}"`);
  if (acceptBreaking !== undefined)
    assert(canAcceptBreaking(actor, service), actor, `accept breaking changes to "${serviceSlug}" (its maintainers, or a token of a team that owns it)`);
  return service;
}

/**
 * The service's breaking-change policy applied to an event version, as to HTTP versions
 * (breaking-gate.ts): under `block`, breaking changes no approval or waiver covers refuse the publish
 * unless a maintainer gives a reason; approvals that cover them all are the reason. Event changes
 * name no consumers, so `block-if-consumed` refuses none. Returns the reason recorded, if any.
 */
async function applyPolicy(
  tx: Db,
  {
    service,
    serviceSlug,
    base,
    result,
    acceptBreaking,
  }: {
    service: Awaited<ReturnType<typeof serviceFor>>;
    serviceSlug: string;
    base: { version: string; revision: number };
    result: DiffResult;
    acceptBreaking?: string;
  },
): Promise<string | null> {
  const covers = await coversUnderBlock(tx, service, result);
  const verdict = policyVerdict(service.breakingChangePolicy, result, covers, acceptBreaking);
  if (!verdict.refused) return verdict.reason;
  const breaking = result.summary.breaking;
  throw new AppError(
    "CONFLICT",
    `${breaking} breaking change${breaking === 1 ? "" : "s"} to the event API since ${base.version} (revision ${base.revision})${covers?.covered.length ? `, ${covers.covered.length} of them approved` : ""}, and "${serviceSlug}" blocks breaking changes. A maintainer may approve each change (on the service's changes page, or POST /api/v1/services/${serviceSlug}/approvals), or publish them anyway with a reason: acceptBreaking=<reason> (\`wayfinder publish --accept-breaking "<reason>"\`).`,
    { base, summary: result.summary, changes: verdict.changes },
  );
}

const versionsOf = (db: Db, serviceId: string) =>
  db.eventVersion.findMany({ where: { serviceId }, select: { id: true, version: true, revision: true, createdAt: true, json: true } });

/**
 * Publishes a version of a service's event API (AsyncAPI), prepared by the pipeline: compared with
 * the version it follows (as for HTTP contracts: the latest revision of the same version, else the
 * highest earlier one) in a pipeline thread, then stored with its changes and its audit entry in one
 * transaction. Content already stored is a no-op; new content under the same version is a revision.
 * `dryRun` says what would happen (the policy included) and stores nothing.
 */
export async function publishEventVersion(
  db: Db,
  {
    actor,
    serviceSlug,
    prepared,
    origin = "push",
    acceptBreaking,
    dryRun = false,
  }: { actor: Actor; serviceSlug: string; prepared: PreparedEventDocument; origin?: VersionOrigin; acceptBreaking?: string; dryRun?: boolean },
): Promise<EventPublishResult> {
  const limits = ingestLimitsFromEnv();
  const compare = async (base: { json: string }) => runPipeline("diffEventStored", { base: base.json, revision: prepared.json, limits });
  // Permission first, and the comparison outside the transaction: the service is locked only while writing.
  const service = await serviceFor(db, actor, serviceSlug, acceptBreaking);
  const plannedBase = versionBase(await versionsOf(db, service.id), prepared.version);
  const planned = plannedBase ? { id: plannedBase.id, result: await compare(plannedBase) } : null;

  return inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Service" WHERE id = ${service.id} FOR UPDATE`;
    await serviceFor(tx, actor, serviceSlug, acceptBreaking);
    const facts = {
      format: prepared.format,
      asyncapi: prepared.asyncapi,
      convertedFrom: prepared.convertedFrom,
      channelCount: prepared.api.channels.length,
      operationCount: prepared.api.operations.length,
      messageCount: prepared.api.messages.length,
      contentHash: prepared.contentHash,
    };
    const existing = await tx.eventVersion.findUnique({
      where: { serviceId_contentHash: { serviceId: service.id, contentHash: prepared.contentHash } },
      select: { version: true, revision: true },
    });
    if (existing) {
      const unchanged = { outcome: "unchanged" as const, kind: "unchanged" as const, ...facts, ...existing, diff: null };
      return { ...unchanged, message: describe(unchanged) };
    }
    const versions = await versionsOf(tx, service.id);
    const base = versionBase(versions, prepared.version);
    // Another publish moved the base since the comparison: compare again (rare; under the lock).
    let result: DiffResult | null = null;
    if (base) result = planned?.id === base.id ? planned.result : await compare(base);
    const acceptedBreakingReason = base && result ? await applyPolicy(tx, { service, serviceSlug, base, result, acceptBreaking }) : null;
    const revision = versions.filter((version) => version.version === prepared.version).reduce((max, version) => Math.max(max, version.revision), 0) + 1;
    const diff = base && result ? { base: { version: base.version, revision: base.revision }, summary: result.summary, acceptedBreakingReason } : null;
    const kind = revision > 1 ? ("revision" as const) : ("version" as const);
    // A dry run (the upload panel's Check) goes as far as the policy, and stores nothing.
    if (dryRun) {
      const checked = { outcome: "valid" as const, kind, version: prepared.version, revision, ...facts, diff };
      return { ...checked, message: describe(checked) };
    }
    const created = await tx.eventVersion.create({
      select: { id: true },
      data: {
        serviceId: service.id,
        version: prepared.version,
        revision,
        contentHash: prepared.contentHash,
        format: prepared.format,
        asyncapi: prepared.asyncapi,
        convertedFrom: prepared.convertedFrom,
        title: prepared.title,
        channelCount: facts.channelCount,
        operationCount: facts.operationCount,
        messageCount: facts.messageCount,
        sizeBytes: prepared.sizeBytes,
        origin,
        json: prepared.json,
        api: prepared.api as unknown as Prisma.InputJsonValue,
        baseVersion: base?.version ?? null,
        baseRevision: base?.revision ?? null,
        breakingCount: result?.summary.breaking ?? 0,
        warningCount: result?.summary.warning ?? 0,
        infoCount: result?.summary.info ?? 0,
        changes: result ? (result.changes as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        acceptedBreakingReason,
      },
    });
    // The newest version is what search finds of the service's event API.
    await indexEventApi(tx, { serviceId: service.id, eventVersionId: created.id, api: prepared.api });
    // Touching the service ends the catalogue's and search's cached answers (catalogue-cache.ts).
    await tx.service.update({ where: { id: service.id }, data: { updatedAt: new Date() } });
    const published = { outcome: "created" as const, kind, version: prepared.version, revision, ...facts, diff };
    const done = { ...published, message: describe(published) };
    await recordAudit(tx, actor, {
      action: "event_version.publish",
      entityType: "service",
      entityId: service.id,
      entityKey: serviceSlug,
      serviceId: service.id,
      after: { ...done, origin },
    });
    return done;
  });
}
