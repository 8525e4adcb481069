import { Prisma } from "@/generated/prisma/client";
import type { VersionOrigin } from "@/generated/prisma/enums";
import { ingestLimitsFromEnv } from "@/lib/openapi/ingest-limits";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canEditService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { specFormatToDb } from "@/lib/openapi/spec-format";
import { prepareDocument, type PreparedDocument } from "@/lib/openapi/prepare-document";

export interface PublishResult {
  outcome: "created" | "unchanged";
  version: string;
  revision: number;
  contentHash: string;
  operationCount: number;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function storePrepared(db: Db, actor: Actor, serviceSlug: string, prepared: PreparedDocument, origin: VersionOrigin): Promise<PublishResult> {
  return inTransaction(db, async (tx) => {
    // One publish per service at a time: concurrent publishes on PostgreSQL otherwise race on the
    // revision number, the operations and currentVersionId, and end in deadlocks and unique violations.
    await tx.$queryRaw`SELECT id FROM "Service" WHERE slug = ${serviceSlug} FOR UPDATE`;
    const service = await tx.service.findUnique({ where: { slug: serviceSlug }, select: { id: true, ownerships: { select: { teamId: true } } } });
    if (!service) throw notFound(`Service "${serviceSlug}"`);
    assert(
      canEditService(actor, { id: service.id, ownerTeamIds: service.ownerships.map((ownership) => ownership.teamId) }),
      actor,
      `publish API versions of "${serviceSlug}"`,
    );
    const existing = await tx.apiVersion.findUnique({
      where: { serviceId_contentHash: { serviceId: service.id, contentHash: prepared.contentHash } },
      select: { version: true, revision: true, operationCount: true },
    });
    if (existing) return { outcome: "unchanged", contentHash: prepared.contentHash, ...existing };

    const latest = await tx.apiVersion.findFirst({
      where: { serviceId: service.id, version: prepared.version },
      orderBy: { revision: "desc" },
      select: { revision: true },
    });
    const revision = (latest?.revision ?? 0) + 1;
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
        document: { create: { json: prepared.json } },
      },
      select: { id: true },
    });
    await tx.operation.createMany({ data: prepared.operations.map((operation) => ({ ...operation, apiVersionId: created.id })) });
    await tx.service.update({ where: { id: service.id }, data: { currentVersionId: created.id } });
    const result = {
      outcome: "created" as const,
      version: prepared.version,
      revision,
      contentHash: prepared.contentHash,
      operationCount: prepared.operations.length,
    };
    await recordAudit(tx, actor, {
      action: "version.publish",
      entityType: "service",
      entityId: service.id,
      entityKey: serviceSlug,
      serviceId: service.id,
      after: { ...result, format: prepared.format, origin },
    });
    return result;
  });
}

/**
 * Publishes an API description for a service (those who may edit it): runs the pipeline (parse → validate → hash → index) and
 * stores the result as a new version, or a new revision of an existing version, in one transaction.
 * Content identical to a stored version is a no-op reported as `unchanged`; the newly stored version
 * becomes the one the service serves.
 */
export async function publishVersion(db: Db, input: { actor: Actor; serviceSlug: string; text: string; origin?: VersionOrigin }): Promise<PublishResult> {
  const prepared = await prepareDocument(input.text, ingestLimitsFromEnv());
  return publishPrepared(db, { ...input, prepared });
}

/** Stores a document that already went through the pipeline (a bundle, a URL source). */
export async function publishPrepared(
  db: Db,
  input: { actor: Actor; serviceSlug: string; prepared: PreparedDocument; origin?: VersionOrigin },
): Promise<PublishResult> {
  const origin = input.origin ?? "push";
  try {
    return await storePrepared(db, input.actor, input.serviceSlug, input.prepared, origin);
  } catch (error) {
    // A concurrent publish of the same content won the race: ours is then a no-op.
    if (isUniqueViolation(error)) return storePrepared(db, input.actor, input.serviceSlug, input.prepared, origin);
    throw error;
  }
}
