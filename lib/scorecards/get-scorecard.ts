import { assertMayRead } from "@/lib/auth/read-rule";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import type { CheckOutcome } from "./scorecard-checks";
import { loadScorecardConfig } from "./scorecard-config";

/**
 * A service's scorecard as its page shows it: the level, every level with its checks' outcomes, and
 * what it lacks for the next level. Null until first computed (or for a retired service).
 */
export async function getScorecard(db: Db, { actor, serviceSlug }: { actor: Actor; serviceSlug: string }) {
  assertMayRead(actor);
  const row = await db.scorecardResult.findFirst({ where: { service: { slug: serviceSlug } } });
  if (!row) return null;
  const config = loadScorecardConfig();
  const outcomes = new Map((row.checks as unknown as CheckOutcome[]).map((check) => [check.id, check]));
  const levels = config.levels.map((level, index) => ({
    name: level.name,
    reached: index < row.levelRank,
    checks: level.checks.flatMap((id) => (outcomes.has(id) ? [outcomes.get(id)!] : [])),
  }));
  const next = levels[row.levelRank];
  return {
    level: row.level,
    levels,
    next: next ? { name: next.name, missing: levels.slice(0, row.levelRank + 1).flatMap((level) => level.checks.filter((check) => !check.pass)) } : null,
    computedAt: row.computedAt.toISOString(),
  };
}

export type ScorecardView = NonNullable<Awaited<ReturnType<typeof getScorecard>>>;
