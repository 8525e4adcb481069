import type { ConformanceSource } from "@/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorLabel, type Actor } from "@/lib/auth/actor";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import type { ExchangeVerdict } from "./check-exchange";
import { FindingTally, type TalliedFinding } from "./tally-findings";

/** Rows per statement: Postgres takes arrays of any length, but a statement of 200 stays small. */
const BATCH = 200;

/**
 * Adds a run's findings to the version's: new ones inserted, known ones counted on, first and last
 * seen widened. One statement per batch (unnest of arrays), so concurrent Try it out calls never lose
 * a count.
 */
export async function addFindings(db: Db, versionId: string, source: ConformanceSource, findings: TalliedFinding[]): Promise<void> {
  for (let start = 0; start < findings.length; start += BATCH) {
    const batch = findings.slice(start, start + BATCH);
    const column = <T>(pick: (finding: TalliedFinding) => T) => batch.map(pick);
    await db.$executeRaw`
      INSERT INTO "ConformanceFinding" (id, "versionId", source, operation, kind, pointer, rule, message, count, "firstSeenAt", "lastSeenAt")
      SELECT gen_random_uuid()::text, ${versionId}, ${source}::"ConformanceSource", f.operation, f.kind, f.pointer, f.rule, f.message, f.count, f.first, f.last
      FROM unnest(
        ${column((f) => f.operation.slice(0, 500))}::text[], ${column((f) => f.kind)}::text[], ${column((f) => f.pointer.slice(0, 500))}::text[],
        ${column((f) => f.rule.slice(0, 100))}::text[], ${column((f) => f.message.slice(0, 500))}::text[], ${column((f) => f.count)}::int[],
        ${column((f) => f.firstSeenAt)}::timestamp(3)[], ${column((f) => f.lastSeenAt)}::timestamp(3)[]
      ) AS f(operation, kind, pointer, rule, message, count, first, last)
      ON CONFLICT ("versionId", source, operation, kind, pointer, rule) DO UPDATE SET
        count = "ConformanceFinding".count + EXCLUDED.count,
        message = EXCLUDED.message,
        "firstSeenAt" = LEAST("ConformanceFinding"."firstSeenAt", EXCLUDED."firstSeenAt"),
        "lastSeenAt" = GREATEST("ConformanceFinding"."lastSeenAt", EXCLUDED."lastSeenAt")`;
  }
}

/**
 * A verify run or a traffic import of a version: its findings, one run row and the audit entry, in one
 * transaction.
 */
export async function recordRun(
  db: Db,
  actor: Actor,
  input: {
    service: { id: string; slug: string };
    version: { id: string; version: string; revision: number };
    source: "verify" | "traffic";
    exchanges: number;
    mismatched: number;
    findings: TalliedFinding[];
    /** Verify only: the operations it called and found as documented. */
    passed?: string[];
  },
): Promise<{ id: string; createdAt: Date }> {
  const { service, version, source, exchanges, mismatched } = input;
  return inTransaction(db, async (tx) => {
    await addFindings(tx, version.id, source, input.findings);
    const created = await tx.conformanceRun.create({
      data: { versionId: version.id, source, exchanges, mismatched, passed: input.passed ?? [], createdBy: actorLabel(actor) },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, actor, {
      action: `conformance.${source}`,
      entityType: "service",
      entityId: service.id,
      entityKey: service.slug,
      serviceId: service.id,
      after: { version: version.version, revision: version.revision, exchanges, mismatched },
    });
    return created;
  });
}

/** One Try it out call's verdict: its findings, and the call counted in the version's run for the day. */
export async function recordTryVerdict(db: Db, input: { versionId: string; verdict: ExchangeVerdict }, now = new Date()): Promise<void> {
  const tally = new FindingTally();
  tally.add(input.verdict, now);
  await addFindings(db, input.versionId, "try", tally.findings());
  const day = now.toISOString().slice(0, 10);
  const mismatched = input.verdict.findings.length ? 1 : 0;
  await db.$executeRaw`
    INSERT INTO "ConformanceRun" (id, "versionId", source, day, exchanges, mismatched, "createdAt", "updatedAt")
    VALUES (gen_random_uuid()::text, ${input.versionId}, 'try', ${day}, 1, ${mismatched}, ${now}, ${now})
    ON CONFLICT ("versionId", source, day) DO UPDATE SET
      exchanges = "ConformanceRun".exchanges + 1, mismatched = "ConformanceRun".mismatched + EXCLUDED.mismatched, "updatedAt" = EXCLUDED."updatedAt"`;
}
