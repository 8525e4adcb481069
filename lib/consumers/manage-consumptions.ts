import type { ConsumptionSource } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { assert, canEditService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { loadOwnedService } from "@/lib/org/load-owned-service";
import { AppError, notFound } from "@/lib/platform/errors";
import { consumesFileSchema, consumptionInputSchema, type ConsumesFile, type ConsumptionInput } from "./consumption-input";
import { consumptionSelect, toConsumptionView, type ConsumptionView } from "./consumption-view";
import { isMethodAndPath, operationKey } from "./operation-key";

/** 404 for no such service, then 401/403: who may declare what a service consumes (those who may edit it). */
export async function assertMayDeclare(db: Db, actor: Actor, consumerSlug: string) {
  const consumer = await loadOwnedService(db, consumerSlug);
  assert(canEditService(actor, consumer), actor, `declare what "${consumerSlug}" consumes`);
  return consumer;
}

/**
 * Operations a declaration names that no version of the provider has (by `METHOD /path`, parameter
 * names aside, or by operationId): a typo would otherwise be a consumer no change ever touches.
 */
async function unknownOperations(db: Db, providerId: string, operations: string[]): Promise<string[]> {
  if (!operations.length) return [];
  const known = await db.$queryRaw<{ method: string; path: string; operationId: string | null }[]>`
    SELECT DISTINCT o.method, o.path, o."operationId" FROM "Operation" o JOIN "ApiVersion" v ON v.id = o."apiVersionId"
    WHERE v."serviceId" = ${providerId} AND v."pendingSince" IS NULL`;
  const keys = new Set(known.map((operation) => operationKey(`${operation.method} ${operation.path}`)));
  const ids = new Set(known.map((operation) => operation.operationId).filter(Boolean));
  return operations.filter((operation) => (isMethodAndPath(operation) ? !keys.has(operationKey(operation)) : !ids.has(operation)));
}

async function checkDeclaration(db: Db, consumer: { id: string; slug: string }, providerSlug: string, input: ConsumptionInput) {
  const provider = await db.service.findUnique({ where: { slug: providerSlug }, select: { id: true, slug: true } });
  if (!provider) throw notFound(`Service "${providerSlug}"`);
  if (provider.id === consumer.id) throw new AppError("VALIDATION_FAILED", `"${consumer.slug}" cannot consume itself.`);
  const data = consumptionInputSchema.parse(input);
  const unknown = await unknownOperations(db, provider.id, data.operations);
  if (unknown.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `Invalid operations: ${unknown
        .slice(0, 10)
        .map((operation) => `"${operation}"`)
        .join(
          ", ",
        )}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""} ${unknown.length === 1 ? "is" : "are"} not an operation of any version of "${providerSlug}" (an operationId, or METHOD /path as its document spells the path).`,
      { unknown },
    );
  return { provider, data: { ...data, operations: [...new Set(data.operations)], fields: [...new Set(data.fields)] } };
}

type CheckedDeclaration = Awaited<ReturnType<typeof checkDeclaration>>;

async function writeDeclaration(
  tx: Prisma.TransactionClient,
  actor: Actor,
  consumer: { id: string; slug: string },
  { provider, data }: CheckedDeclaration,
  source: ConsumptionSource,
): Promise<ConsumptionView> {
  const where = { consumerId_providerId: { consumerId: consumer.id, providerId: provider.id } };
  const before = await tx.consumption.findUnique({ where, select: consumptionSelect });
  const fields = { versions: data.versions, operations: data.operations, fields: data.fields, source, createdBy: actorLabel(actor) };
  const row = await tx.consumption.upsert({
    where,
    create: { consumerId: consumer.id, providerId: provider.id, ...fields },
    update: fields,
    select: consumptionSelect,
  });
  const view = toConsumptionView(row);
  const same =
    before &&
    JSON.stringify({ ...toConsumptionView(before), updatedAt: null, declaredBy: null }) === JSON.stringify({ ...view, updatedAt: null, declaredBy: null });
  if (!same)
    await recordAudit(tx, actor, {
      action: "consumption.declare",
      entityType: "service",
      entityId: consumer.id,
      entityKey: consumer.slug,
      serviceId: consumer.id,
      before: before ? toConsumptionView(before) : undefined,
      after: view,
    });
  return view;
}

/** The audit entry of a withdrawn declaration, on the consuming service. */
async function auditRemoval(tx: Prisma.TransactionClient, actor: Actor, consumer: { id: string; slug: string }, row: Parameters<typeof toConsumptionView>[0]) {
  await recordAudit(tx, actor, {
    action: "consumption.remove",
    entityType: "service",
    entityId: consumer.id,
    entityKey: consumer.slug,
    serviceId: consumer.id,
    before: toConsumptionView(row),
  });
}

/**
 * Declares (or redeclares) that a service consumes another's API, all of it or some operations, in a
 * range of its versions: those who may edit the consuming service. Operations are checked against the
 * provider's versions. Audited.
 */
export async function declareConsumption(
  db: Db,
  {
    actor,
    consumerSlug,
    providerSlug,
    input,
    source = "portal",
  }: { actor: Actor; consumerSlug: string; providerSlug: string; input: ConsumptionInput; source?: ConsumptionSource },
): Promise<ConsumptionView> {
  const consumer = await assertMayDeclare(db, actor, consumerSlug);
  const checked = await checkDeclaration(db, consumer, providerSlug, input);
  return inTransaction(db, (tx) => writeDeclaration(tx, actor, consumer, checked, source));
}

/** Withdraws a declaration (none is no error: the answer says whether there was one). Audited. */
export async function removeConsumption(db: Db, { actor, consumerSlug, providerSlug }: { actor: Actor; consumerSlug: string; providerSlug: string }) {
  const consumer = await assertMayDeclare(db, actor, consumerSlug);
  const provider = await db.service.findUnique({ where: { slug: providerSlug }, select: { id: true } });
  if (!provider) throw notFound(`Service "${providerSlug}"`);
  return inTransaction(db, async (tx) => {
    const where = { consumerId_providerId: { consumerId: consumer.id, providerId: provider.id } };
    const before = await tx.consumption.findUnique({ where, select: consumptionSelect });
    if (!before) return { removed: false };
    await tx.consumption.delete({ where });
    await auditRemoval(tx, actor, consumer, before);
    return { removed: true };
  });
}

/**
 * Makes a service's declarations from one source (a wayfinder.consumes.yaml from CI, a Backstage
 * import) exactly the given list, in one transaction: entries are declared (taking over a declaration
 * made elsewhere for the same API), and that source's declarations the list no longer names are
 * withdrawn. Every entry is checked before anything is written; the first bad one refuses the whole.
 */
export async function replaceConsumptions(
  db: Db,
  { actor, consumerSlug, file, source }: { actor: Actor; consumerSlug: string; file: ConsumesFile; source: Exclude<ConsumptionSource, "portal"> },
): Promise<{ declared: ConsumptionView[]; removed: string[] }> {
  const consumer = await assertMayDeclare(db, actor, consumerSlug);
  const { consumes } = consumesFileSchema.parse(file);
  const repeated = consumes.map((entry) => entry.api).filter((api, index, all) => all.indexOf(api) !== index);
  if (repeated.length)
    throw new AppError("VALIDATION_FAILED", `Invalid consumes: it names ${[...new Set(repeated)].join(", ")} more than once (one entry per API).`);
  const checked: CheckedDeclaration[] = [];
  for (const [index, { api, ...input }] of consumes.entries()) {
    try {
      checked.push(await checkDeclaration(db, consumer, api, input));
    } catch (error) {
      if (error instanceof AppError)
        throw new AppError(error.code === "NOT_FOUND" ? "VALIDATION_FAILED" : error.code, `consumes[${index}] (${api}): ${error.message}`, error.details);
      throw error;
    }
  }
  return inTransaction(db, async (tx) => {
    const declared: ConsumptionView[] = [];
    for (const entry of checked) declared.push(await writeDeclaration(tx, actor, consumer, entry, source));
    const stale = await tx.consumption.findMany({
      where: { consumerId: consumer.id, source, providerId: { notIn: checked.map((entry) => entry.provider.id) } },
      select: { id: true, ...consumptionSelect },
    });
    for (const row of stale) {
      await tx.consumption.delete({ where: { id: row.id } });
      await auditRemoval(tx, actor, consumer, row);
    }
    return { declared, removed: stale.map((row) => row.provider.slug) };
  });
}
