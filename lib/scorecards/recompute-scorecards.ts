import { inTransaction, isTransaction, type Db } from "@/lib/platform/db/types";
import { logger } from "@/lib/platform/logger";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { computeLevel } from "./compute-level";
import { loadScorecardConfig, type ScorecardConfig } from "./scorecard-config";
import { loadScorecardFacts } from "./load-scorecard-facts";

export interface LevelChange {
  serviceId: string;
  from: string | null;
  to: string | null;
}

/**
 * Recomputes the levels of the given services (all when none is given; a service is ordered by its
 * level in the catalogue once it has a row, so every service gets one): writes a result only where
 * the level or a check changed, then today's distribution for the trend. Returns the level changes
 * (what `scorecard.level_changed` announces).
 */
export async function recomputeScorecards(
  db: Db,
  { serviceIds, now = new Date(), config = loadScorecardConfig() }: { serviceIds?: string[]; now?: Date; config?: ScorecardConfig } = {},
): Promise<LevelChange[]> {
  const facts = await loadScorecardFacts(db, { serviceIds, changeWindowDays: config.settings.changeWindowDays, now });
  const before = new Map(
    (await db.scorecardResult.findMany({ where: { serviceId: { in: facts.map((entry) => entry.serviceId) } } })).map((row) => [row.serviceId, row]),
  );
  const changes: LevelChange[] = [];
  for (const { serviceId, facts: serviceFacts } of facts) {
    // A retired service keeps a row (the catalogue sorts by it) but no level: it has left the scorecards.
    const outcome = serviceFacts.lifecycle === "retired" ? { level: null, rank: 0, checks: [] } : computeLevel(serviceFacts, config, now);
    const checks = JSON.parse(JSON.stringify(outcome.checks)) as object[];
    const unchanged = (row: { level: string | null; checks: unknown } | undefined) =>
      row !== undefined && row.level === outcome.level && JSON.stringify(row.checks) === JSON.stringify(checks);
    if (unchanged(before.get(serviceId))) continue;
    // The row is read again under its lock, and the level change announced in the same transaction:
    // of two recomputations that overlap, the second sees the first's result and announces nothing.
    const change = await inTransaction(db, async (tx) => {
      const [current] = await tx.$queryRaw<{ level: string | null; checks: unknown }[]>`
        SELECT level, checks FROM "ScorecardResult" WHERE "serviceId" = ${serviceId} FOR UPDATE`;
      if (unchanged(current)) return null;
      const data = { level: outcome.level, levelRank: outcome.rank, checks, computedAt: now };
      await tx.scorecardResult.upsert({ where: { serviceId }, create: { serviceId, ...data }, update: data });
      if ((current?.level ?? null) === outcome.level) return null;
      // A first computation is not a change worth announcing.
      if (current) await recordWebhookEvent(tx, { type: "scorecard.level_changed", serviceId, data: { from: current.level, to: outcome.level } });
      return { serviceId, from: current?.level ?? null, to: outcome.level };
    });
    if (change) changes.push(change);
  }
  await recordDay(db, now);
  if (changes.length) logger.info({ event: "scorecard.levels_changed", count: changes.length }, "scorecard levels changed");
  return changes;
}

/** Today's count of services per level (the day's last computation wins): one transaction. */
async function recordDay(db: Db, now: Date): Promise<void> {
  const day = new Date(now.toISOString().slice(0, 10));
  const counts = await db.scorecardResult.groupBy({ by: ["level"], where: { service: { lifecycle: { not: "retired" } } }, _count: { _all: true } });
  await inTransaction(db, async (tx) => {
    // Two recomputations finishing together would both delete, then both insert the day's rows.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wayfinder:scorecard-day'))`;
    await tx.scorecardDay.deleteMany({ where: { day } });
    await tx.scorecardDay.createMany({ data: counts.map((row) => ({ day, level: row.level ?? "none", count: row._count._all })) });
  });
}

/**
 * After a change to what the checks read (a service's fields or owners, a team's contacts): its
 * services' levels at once, rather than at the next scheduled pass. A failure is logged, never the
 * change's: the schedule catches up. Inside a caller's transaction it does nothing (a failed statement
 * there would abort the caller's work on PostgreSQL): that caller rescores after it commits.
 */
export async function rescoreServices(db: Db, serviceIds: string[]): Promise<void> {
  if (!serviceIds.length || isTransaction(db)) return;
  try {
    await recomputeScorecards(db, { serviceIds });
  } catch (error) {
    logger.warn({ event: "scorecard.rescore_failed", error: (error as Error).message }, "recomputing scorecards after a change failed");
  }
}
