import { runCheck, type CheckOutcome, type ScorecardFacts } from "./scorecard-checks";
import type { ScorecardConfig } from "./scorecard-config";

export interface LevelOutcome {
  /** The level reached, or null below the first. */
  level: string | null;
  /** 0 below the first level, 1 at the first, … */
  rank: number;
  /** The next level and the checks it (or a lower level) still fails; null at the top. */
  next: { level: string; missing: CheckOutcome[] } | null;
  checks: CheckOutcome[];
}

/** The highest level whose checks, and every lower level's, all pass. */
export function computeLevel(facts: ScorecardFacts, config: ScorecardConfig, now = new Date()): LevelOutcome {
  const outcomes = new Map<string, CheckOutcome>();
  const outcome = (id: Parameters<typeof runCheck>[0]) => {
    if (!outcomes.has(id)) outcomes.set(id, runCheck(id, facts, config.settings, now));
    return outcomes.get(id)!;
  };
  let rank = 0;
  for (const level of config.levels) {
    if (!level.checks.every((id) => outcome(id).pass)) break;
    rank += 1;
  }
  for (const level of config.levels) for (const id of level.checks) outcome(id);
  const checks = [...outcomes.values()];
  const nextLevel = config.levels[rank];
  const missing = nextLevel
    ? config.levels
        .slice(0, rank + 1)
        .flatMap((level) => level.checks.map(outcome))
        .filter((check) => !check.pass)
    : [];
  return { level: rank ? config.levels[rank - 1]!.name : null, rank, next: nextLevel ? { level: nextLevel.name, missing } : null, checks };
}
