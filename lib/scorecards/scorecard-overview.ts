import { assertMayRead } from "@/lib/auth/read-rule";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { loadScorecardConfig } from "./scorecard-config";

/** How many days of trend the overview shows. */
export const TREND_DAYS = 90;

/**
 * The company's distribution of levels now (services that are not retired), highest first with
 * "none" last, and per day for the last TREND_DAYS days.
 */
export async function scorecardOverview(db: Db, actor: Actor, now = new Date()) {
  assertMayRead(actor);
  const names = [...loadScorecardConfig().levels.map((level) => level.name)].reverse();
  const order = [...names, "none"];
  const current = await db.scorecardResult.groupBy({ by: ["level"], where: { service: { lifecycle: { not: "retired" } } }, _count: { _all: true } });
  const counts = new Map(current.map((row) => [row.level ?? "none", row._count._all]));
  const since = new Date(now.getTime() - TREND_DAYS * 86_400_000);
  const rows = await db.scorecardDay.findMany({ where: { day: { gte: since } }, orderBy: { day: "asc" } });
  const days = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const key = row.day.toISOString().slice(0, 10);
    days.set(key, { ...days.get(key), [row.level]: row.count });
  }
  return {
    levels: order.map((name) => ({ name, count: counts.get(name) ?? 0 })),
    trend: [...days.entries()].map(([day, byLevel]) => ({ day, counts: order.map((name) => byLevel[name] ?? 0) })),
    order,
  };
}
