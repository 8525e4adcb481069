import { inTransaction, type Db } from "@/lib/platform/db/types";
import { recordWebhookEvent } from "@/lib/webhooks/record-webhook-event";
import { logger } from "@/lib/platform/logger";
import { lintIsolated } from "./lint-isolated";
import { currentRulesetText } from "./ruleset-text";
import { rulesetHash } from "./ruleset-hash";

/**
 * A stored document (HTTP or event API: the ruleset holds rules for both) linted in a thread of its
 * own, as the columns of its report: `done` with its findings, or `failed` saying why.
 */
export async function lintStored(json: string) {
  const rulesetText = currentRulesetText();
  const outcome = await lintIsolated(json, undefined, rulesetText);
  const report = outcome.ok
    ? {
        status: "done" as const,
        errorCount: outcome.result.errorCount,
        warnCount: outcome.result.warnCount,
        byRule: outcome.result.byRule,
        findings: outcome.result.findings as object[],
        truncated: outcome.result.truncated,
        error: null,
      }
    : { status: "failed" as const, errorCount: 0, warnCount: 0, byRule: {}, findings: [], truncated: false, error: outcome.error };
  return { report, data: { ...report, rulesetHash: rulesetHash(rulesetText), durationMs: outcome.ms, lintedAt: new Date() }, ms: outcome.ms };
}

/**
 * Lints one stored version against the repository's ruleset and records the report (replacing an
 * older one): the document runs in its own thread, within its limits; a document that reaches a limit
 * gets a `failed` report saying which, and is not tried again until the ruleset changes.
 */
export async function lintVersion(
  db: Db,
  apiVersionId: string,
): Promise<{ status: "done" | "failed"; errorCount: number; warnCount: number; serviceId: string } | null> {
  const row = await db.apiDocument.findUnique({
    where: { apiVersionId },
    select: { json: true, apiVersion: { select: { serviceId: true, version: true, revision: true } } },
  });
  if (!row) return null;
  const { report, data, ms } = await lintStored(row.json);
  await inTransaction(db, async (tx) => {
    const previous = await tx.lintReport.findUnique({ where: { apiVersionId }, select: { apiVersionId: true } });
    await tx.lintReport.upsert({ where: { apiVersionId }, create: { apiVersionId, ...data }, update: data });
    // Announced when a version is first linted, not again each time the ruleset changes.
    if (!previous && (report.status === "failed" || report.errorCount > 0)) {
      const version = row.apiVersion;
      await recordWebhookEvent(tx, {
        type: "lint.failed",
        serviceId: version.serviceId,
        data: {
          version: version.version,
          revision: version.revision,
          status: report.status,
          errorCount: report.errorCount,
          warnCount: report.warnCount,
          error: report.error,
        },
      });
    }
  });
  logger.info({ event: "lint.done", apiVersionId, status: report.status, errors: report.errorCount, warnings: report.warnCount, ms }, "version linted");
  return { status: report.status, errorCount: report.errorCount, warnCount: report.warnCount, serviceId: row.apiVersion.serviceId };
}

/** Versions with no report, or one made under another ruleset: the newest first, at most `limit`. */
export async function versionsToLint(db: Db, limit = 100): Promise<string[]> {
  const hash = rulesetHash(currentRulesetText());
  const rows = await db.apiVersion.findMany({
    where: { document: { isNot: null }, pendingSince: null, OR: [{ lintReport: null }, { lintReport: { rulesetHash: { not: hash } } }] },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
