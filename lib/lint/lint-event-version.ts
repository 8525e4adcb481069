import type { Db } from "@/lib/platform/db/types";
import { logger } from "@/lib/platform/logger";
import { currentRulesetText } from "./ruleset-text";
import { lintStored } from "./lint-version";
import { rulesetHash } from "./ruleset-hash";

/**
 * Lints one stored event version against the house ruleset's AsyncAPI rules and records the report
 * (replacing an older one), as lintVersion does for HTTP versions: in a thread of its own, within its limits.
 */
export async function lintEventVersion(db: Db, eventVersionId: string): Promise<{ status: "done" | "failed"; errorCount: number; serviceId: string } | null> {
  const row = await db.eventVersion.findUnique({ where: { id: eventVersionId }, select: { json: true, serviceId: true } });
  if (!row) return null;
  const { report, data, ms } = await lintStored(row.json);
  await db.eventLintReport.upsert({ where: { eventVersionId }, create: { eventVersionId, ...data }, update: data });
  logger.info({ event: "lint.done", eventVersionId, status: report.status, errors: report.errorCount, warnings: report.warnCount, ms }, "event version linted");
  return { status: report.status, errorCount: report.errorCount, serviceId: row.serviceId };
}

/** Event versions with no report, or one made under another ruleset: the newest first, at most `limit`. */
export async function eventVersionsToLint(db: Db, limit = 100): Promise<string[]> {
  const hash = rulesetHash(currentRulesetText());
  const rows = await db.eventVersion.findMany({
    where: { OR: [{ lintReport: null }, { lintReport: { rulesetHash: { not: hash } } }] },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
