import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { VersionOrigin } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import type { Actor } from "@/lib/auth/actor";
import { assert, canAcceptBreaking, canEditService, canRegisterService } from "@/lib/auth/permissions";
import { inTransaction, isTransaction, type Db } from "@/lib/platform/db/types";
import type { Change, DiffResult, DiffSummary } from "@/lib/diff/diff-types";
import { AppError, notFound } from "@/lib/platform/errors";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import type { PreparedDocument } from "@/lib/openapi/prepare-document";
import { specFormatToDb } from "@/lib/openapi/spec-format";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { addSearchWords } from "@/lib/search-index/add-search-words";
import { describePublish } from "./describe-publish";
import { coversUnderBlock } from "@/lib/approvals/load-covers";
import { operationsPastSunset } from "@/lib/openapi/describe-prepared";
import { versionBase, violatesSemver } from "./version-base";
import { policyVerdict } from "./breaking-gate";
import { withImpact } from "./version-impact";
import { tallyConsumers } from "@/lib/diff/tally-consumers";

/** What changed against the version a new one was compared with (null for a service's first version). */
export interface PublishDiff {
  base: { version: string; revision: number };
  summary: DiffSummary;
  semverViolation: boolean;
  acceptedBreakingReason: string | null;
}

export interface PublishResult {
  outcome: "created" | "unchanged";
  /** Whether it became a new version, a new revision of an existing one (same info.version, other content), or nothing. */
  kind: "version" | "revision" | "unchanged";
  /** What happened, in words (lib/versions/describe-publish.ts). */
  message: string;
  version: string;
  revision: number;
  contentHash: string;
  operationCount: number;
  diff?: PublishDiff | null;
}

export interface PublishOptions {
  origin?: VersionOrigin;
  /** Publish breaking changes past a `block` policy, for this reason (people who maintain the service only). */
  acceptBreaking?: string;
  /** When the change was committed (CI sends it): docs freshness counts from it. */
  committedAt?: Date;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Who may publish: those who may edit the service, or (for its first version only) those who may register it. */
type PublishAuthority = "edit" | "first-version";

/** One publish, as every step of it needs it. */
interface Publish {
  actor: Actor;
  serviceSlug: string;
  prepared: PreparedDocument;
  options: PublishOptions;
  authority: PublishAuthority;
}

/** The comparison with the version a new one follows, made before the publish's transaction. */
interface PlannedDiff {
  baseId: string;
  result: DiffResult;
}

/** Another publish changed what the new version follows while it was being compared: compare again. */
class BaseMoved extends Error {}

/**
 * Compares the document with the version it would follow, outside any transaction (in a pipeline
 * thread, under its deadline), so that the service's row is locked only while writing. Nothing to
 * compare (first version, content already stored, no such service) gives null; the transaction then
 * decides.
 */
async function planDiff(db: Db, { actor, serviceSlug, prepared, authority }: Publish): Promise<PlannedDiff | null> {
  const service = await db.service.findUnique({ where: { slug: serviceSlug }, select: { id: true, ownerships: { select: { teamId: true } } } });
  if (!service) return null;
  // The same check the transaction makes, first: refused callers do not get a diff computed.
  const ownerTeamIds = service.ownerships.map((ownership) => ownership.teamId);
  if (!(authority === "edit" ? canEditService(actor, { id: service.id, ownerTeamIds }) : canRegisterService(actor, ownerTeamIds))) return null;
  if (await db.apiVersion.count({ where: { serviceId: service.id, contentHash: prepared.contentHash } })) return null;
  const versions = await db.apiVersion.findMany({
    where: { serviceId: service.id, pendingSince: null },
    select: { id: true, version: true, revision: true, createdAt: true },
  });
  const base = versionBase(versions, prepared.version);
  if (!base) return null;
  const stored = await db.apiDocument.findUniqueOrThrow({ where: { apiVersionId: base.id }, select: { json: true } });
  return { baseId: base.id, result: await runPipeline("diffStored", { base: stored.json, revision: prepared.json, reach: true }) };
}

async function storePrepared(
  db: Db,
  actor: Actor,
  serviceSlug: string,
  prepared: PreparedDocument,
  options: PublishOptions,
  authority: PublishAuthority = "edit",
): Promise<PublishResult> {
  const publish: Publish = { actor, serviceSlug, prepared, options, authority };
  for (let attempt = 1; ; attempt += 1) {
    const planned = await planDiff(db, publish);
    try {
      return await writePublish(db, publish, planned, attempt >= 3);
    } catch (error) {
      if (!(error instanceof BaseMoved)) throw error;
    }
  }
}

/** A version written but not yet made one (its operations still to come); see ApiVersion.pendingSince. */
interface StagedVersion {
  id: string;
  serviceId: string;
  revision: number;
  diff: PublishDiff | null;
  changes: Change[];
  /** The service's policy said `allow`: breaking changes are recorded, not announced or warned about. */
  quiet: boolean;
}

/**
 * Writes a publish. On a database client (a push, an upload, a URL source) in three steps, so that no
 * transaction holds the service, or the embedded database's only session, while thousands of
 * operations are indexed: a short transaction decides (permission, policy, revision) and writes the
 * version as pending; the operations follow in batches, each its own statement, with the event loop
 * free between them; a second short transaction makes it the service's version, with its audit entry
 * and events. Inside a caller's transaction (the demo seed, a Backstage import, a template) all of it
 * happens in that transaction.
 */
async function writePublish(db: Db, publish: Publish, planned: PlannedDiff | null, lastAttempt: boolean): Promise<PublishResult> {
  const inline = isTransaction(db);
  const { operations } = publish.prepared;
  const staged = await inTransaction(db, async (tx) => {
    const decided = await decidePublish(tx, publish, planned, lastAttempt, inline);
    if ("result" in decided || !inline) return decided;
    await insertOperations(tx, decided.staged.id, operations);
    return { result: await finishPublish(tx, publish, decided.staged) };
  });
  if ("result" in staged) return staged.result;
  try {
    await insertOperations(db, staged.staged.id, operations);
    return await inTransaction(db, (tx) => finishPublish(tx, publish, staged.staged));
  } catch (error) {
    // Nothing of a failed publish stays: the pending version goes, with what was written of its operations.
    await db.apiVersion.delete({ where: { id: staged.staged.id } }).catch(() => undefined);
    throw error;
  }
}

/** Rows of operations per statement: big enough to be quick, small enough that none holds the database for long. */
const OPERATION_BATCH = 250;

/** Writes a version's operations, a batch per statement, letting other requests in between. */
async function insertOperations(db: Db, apiVersionId: string, operations: PreparedDocument["operations"]): Promise<void> {
  for (let start = 0; start < operations.length; start += OPERATION_BATCH) {
    const rows = operations
      .slice(start, start + OPERATION_BATCH)
      .map((operation) => ({ ...operation, id: randomUUID(), sunset: operation.sunset?.toISOString() ?? null }));
    // One parameter per batch (a JSON array), not one per column and row.
    await db.$executeRaw`
      INSERT INTO "Operation" (id, "apiVersionId", method, path, "operationId", summary, tags, description, "searchName", "searchText", deprecated, sunset)
      SELECT r.id, ${apiVersionId}, r.method, r.path, r."operationId", r.summary, r.tags, r.description, r."searchName", r."searchText", r.deprecated, r.sunset
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        id text, method text, path text, "operationId" text, summary text, tags text[], description text,
        "searchName" text, "searchText" text, deprecated boolean, sunset timestamp(3))`;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Decision = { result: PublishResult } | { staged: StagedVersion };

/** Under the service's lock: who may publish, whether it is new, the policy, and the version row (pending unless `inline`). */
async function decidePublish(
  tx: Prisma.TransactionClient,
  { actor, serviceSlug, prepared, options, authority }: Publish,
  planned: PlannedDiff | null,
  lastAttempt: boolean,
  inline: boolean,
): Promise<Decision> {
  const origin = options.origin ?? "push";
  // One publish per service at a time: concurrent publishes on PostgreSQL otherwise race on the
  // revision number, the operations and currentVersionId, and end in deadlocks and unique violations.
  await tx.$queryRaw`SELECT id FROM "Service" WHERE slug = ${serviceSlug} FOR UPDATE`;
  const service = await tx.service.findUnique({
    where: { slug: serviceSlug },
    select: { id: true, breakingChangePolicy: true, ownerships: { select: { teamId: true } } },
  });
  if (!service) throw notFound(`Service "${serviceSlug}"`);
  const ownerTeamIds = service.ownerships.map((ownership) => ownership.teamId);
  if (authority === "edit") assert(canEditService(actor, { id: service.id, ownerTeamIds }), actor, `publish API versions of "${serviceSlug}"`);
  else {
    assert(canRegisterService(actor, ownerTeamIds), actor, `publish the first version of "${serviceSlug}"`);
    if (await tx.apiVersion.count({ where: { serviceId: service.id } }))
      throw new AppError("CONFLICT", `"${serviceSlug}" has versions already; its maintainers publish the next ones.`);
  }
  if (options.acceptBreaking !== undefined)
    assert(
      canAcceptBreaking(actor, { id: service.id, ownerTeamIds }),
      actor,
      `accept breaking changes to "${serviceSlug}" (its maintainers, or a token of a team that owns it)`,
    );
  const existing = await tx.apiVersion.findUnique({
    where: { serviceId_contentHash: { serviceId: service.id, contentHash: prepared.contentHash } },
    select: { version: true, revision: true, operationCount: true },
  });
  if (existing) {
    const unchanged = { outcome: "unchanged" as const, kind: "unchanged" as const, contentHash: prepared.contentHash, ...existing };
    return { result: { ...unchanged, message: describePublish(unchanged) } };
  }

  // The comparison with what it follows was made before the lock; apply the service's policy. A
  // version another publish is still writing is no base, but its revision number is taken.
  const versions = await tx.apiVersion.findMany({
    where: { serviceId: service.id },
    select: { id: true, version: true, revision: true, createdAt: true, pendingSince: true },
  });
  const base = versionBase(
    versions.filter((version) => version.pendingSince === null),
    prepared.version,
  );
  let diff: PublishDiff | null = null;
  let changes: Change[] = [];
  if (base) {
    let result: DiffResult;
    if (planned?.baseId === base.id) result = planned.result;
    // Another publish moved the base since: compare again outside the lock (after a few tries, here).
    else if (!lastAttempt) throw new BaseMoved();
    else {
      const stored = await tx.apiDocument.findUniqueOrThrow({ where: { apiVersionId: base.id }, select: { json: true } });
      result = await runPipeline("diffStored", { base: stored.json, revision: prepared.json, reach: true });
    }
    // Each breaking and potentially breaking change names the consumers it touches, as known now.
    result = await withImpact(tx, { providerId: service.id, result, revisionVersion: prepared.version, baseVersionId: base.id, revision: prepared });
    changes = result.changes;
    const semverViolation = violatesSemver(base.version, prepared.version, result.summary.breaking);
    diff = { base: { version: base.version, revision: base.revision }, summary: result.summary, semverViolation, acceptedBreakingReason: null };
    // Approved (or waived) breaking changes pass `block` without a reason given at publish.
    const covers = await coversUnderBlock(tx, { id: service.id, ownerTeamIds, breakingChangePolicy: service.breakingChangePolicy }, result);
    const verdict = policyVerdict(service.breakingChangePolicy, result, covers, options.acceptBreaking);
    if (!verdict.refused) diff.acceptedBreakingReason = verdict.reason;
    else {
      const consumed = service.breakingChangePolicy === "block_if_consumed";
      const touched = new Set(verdict.changes.flatMap((change) => change.consumers?.map((consumer) => consumer.service.name) ?? []));
      throw new AppError(
        "CONFLICT",
        `${result.summary.breaking} breaking change${result.summary.breaking === 1 ? "" : "s"} since ${base.version} (revision ${base.revision})${covers?.covered.length ? `, ${covers.covered.length} of them approved` : ""}, and "${serviceSlug}" blocks breaking changes${consumed ? ` that touch a consumer: ${verdict.changes.length ? `${verdict.changes.length} of them touch ${[...touched].slice(0, 5).join(", ")}${touched.size > 5 ? ` and ${touched.size - 5} more` : ""}` : "not all of them could be listed"}` : ""}. A maintainer may approve each change (on the service's changes page, or POST /api/v1/services/${serviceSlug}/approvals), or publish them anyway with a reason: acceptBreaking=<reason> (\`wayfinder publish --accept-breaking "<reason>"\`, or the reason field after Check in the upload panel).`,
        { base: diff.base, summary: result.summary, semverViolation, changes: verdict.changes },
      );
    }
  }

  const latest = versions.filter((version) => version.version === prepared.version).reduce((max, version) => Math.max(max, version.revision), 0);
  const revision = latest + 1;
  const created = await tx.apiVersion.create({
    data: {
      serviceId: service.id,
      version: prepared.version,
      revision,
      contentHash: prepared.contentHash,
      format: specFormatToDb(prepared.format),
      title: prepared.title,
      operationCount: prepared.operations.length,
      sizeBytes: prepared.sizeBytes,
      origin,
      baseVersion: diff?.base.version ?? null,
      baseRevision: diff?.base.revision ?? null,
      breakingCount: diff?.summary.breaking ?? 0,
      warningCount: diff?.summary.warning ?? 0,
      infoCount: diff?.summary.info ?? 0,
      semverViolation: diff?.semverViolation ?? false,
      changes: diff ? (changes as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      acceptedBreakingReason: diff?.acceptedBreakingReason ?? null,
      committedAt: options.committedAt ?? null,
      pendingSince: inline ? null : new Date(),
      document: { create: { json: prepared.json } },
    },
    select: { id: true },
  });
  return { staged: { id: created.id, serviceId: service.id, revision, diff, changes, quiet: service.breakingChangePolicy === "allow" } };
}

/** Makes a written version the service's version: what readers see changes here, with its audit entry and events. */
async function finishPublish(
  tx: Prisma.TransactionClient,
  { actor, serviceSlug, prepared, options }: Publish,
  { id, serviceId, revision, diff, changes, quiet }: StagedVersion,
): Promise<PublishResult> {
  const origin = options.origin ?? "push";
  await tx.$queryRaw`SELECT id FROM "Service" WHERE id = ${serviceId} FOR UPDATE`;
  // Created when it is published, not when its writing began.
  await tx.apiVersion.update({ where: { id }, data: { pendingSince: null, createdAt: new Date() } });
  await addSearchWords(
    tx,
    prepared.operations.map((operation) => operation.searchText),
  );
  await tx.service.update({ where: { id: serviceId }, data: { currentVersionId: id } });
  const published = {
    outcome: "created" as const,
    kind: revision > 1 ? ("revision" as const) : ("version" as const),
    version: prepared.version,
    revision,
    contentHash: prepared.contentHash,
    operationCount: prepared.operations.length,
    diff,
  };
  const result = { ...published, message: describePublish(published, { warnBreaking: !quiet, pastSunset: operationsPastSunset(prepared) }) };
  await recordAudit(tx, actor, {
    action: diff?.acceptedBreakingReason ? "version.publish_breaking" : "version.publish",
    entityType: "service",
    entityId: serviceId,
    entityKey: serviceSlug,
    serviceId,
    after: { ...result, format: prepared.format, origin },
  });
  const announced = { version: prepared.version, revision, kind: published.kind, operationCount: prepared.operations.length, origin };
  await recordWebhookEvent(tx, { type: "version.published", serviceId, data: announced });
  // `warn` (and `block`, past it with a reason) announces breaking changes; `allow` records them only.
  if (diff?.summary.breaking && !quiet)
    await recordWebhookEvent(tx, {
      type: "change.breaking",
      serviceId,
      data: {
        ...announced,
        baseVersion: diff.base.version,
        breaking: diff.summary.breaking,
        semverViolation: diff.semverViolation,
        acceptedReason: diff.acceptedBreakingReason,
        consumers: tallyConsumers(changes.filter((change) => change.level === "breaking")),
        changes: changes
          .filter((change) => change.level === "breaking")
          .slice(0, 20)
          .map((change) => ({ id: change.id, message: change.message, consumers: change.consumers ?? null })),
      },
      // Teams whose services a change touches hear it too, when their subscription asks for it.
      consumerTeams: [
        ...new Set(
          changes.flatMap((change) =>
            (change.level === "breaking" ? (change.consumers ?? []) : []).flatMap((consumer) => consumer.teams.map((team) => team.slug)),
          ),
        ),
      ],
    });
  return result;
}

/**
 * Publishes an API description for a service (those who may edit it): runs the pipeline (parse →
 * validate → hash → index), compares it with the version it follows, applies the service's breaking
 * change policy, and stores it as a new version or revision in one transaction. Content identical to a
 * stored version is a no-op reported as `unchanged`; the new version becomes the one the service serves.
 */
export async function publishVersion(db: Db, input: { actor: Actor; serviceSlug: string; text: string } & PublishOptions): Promise<PublishResult> {
  const prepared = await runPipeline("prepareText", { text: input.text, limits: ingestLimitsFromEnv() });
  return publishPrepared(db, { ...input, prepared });
}

/** Stores a document that already went through the pipeline (a bundle, a URL source). */
export async function publishPrepared(
  db: Db,
  input: { actor: Actor; serviceSlug: string; prepared: PreparedDocument } & PublishOptions,
): Promise<PublishResult> {
  try {
    return await storePrepared(db, input.actor, input.serviceSlug, input.prepared, input);
  } catch (error) {
    // A concurrent publish of the same content won the race: ours is then a no-op.
    if (isUniqueViolation(error)) return storePrepared(db, input.actor, input.serviceSlug, input.prepared, input);
    throw error;
  }
}

/**
 * A just-registered service's first version, published by whoever registered it: the right to register
 * a service for a team includes giving it its first contract (a template's openapi.yaml), even for
 * members who do not maintain the team. Refused once the service has any version.
 */
export async function publishFirstVersion(
  db: Db,
  input: { actor: Actor; serviceSlug: string; prepared: PreparedDocument; origin: VersionOrigin },
): Promise<PublishResult> {
  return storePrepared(db, input.actor, input.serviceSlug, input.prepared, { origin: input.origin }, "first-version");
}
