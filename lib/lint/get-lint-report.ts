import { assertMayRead } from "@/lib/auth/read-rule";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import type { LintFinding } from "./lint-document";

/**
 * A version's lint report: `pending` until the background lint has run. Without `revision`, the
 * newest revision of the version. Readable by whoever may read the catalogue.
 */
export async function getLintReport(
  db: Db,
  { actor, serviceSlug, version, revision }: { actor: Actor; serviceSlug: string; version: string; revision?: number },
) {
  assertMayRead(actor);
  const row = await db.apiVersion.findFirst({
    where: { service: { slug: serviceSlug }, version, pendingSince: null, ...(revision ? { revision } : {}) },
    orderBy: { revision: "desc" },
    select: { version: true, revision: true, lintReport: true },
  });
  if (!row) throw notFound(`Version ${version}${revision ? ` revision ${revision}` : ""} of service "${serviceSlug}"`);
  const report = row.lintReport;
  return {
    version: row.version,
    revision: row.revision,
    status: report?.status ?? ("pending" as const),
    rulesetHash: report?.rulesetHash ?? null,
    lintedAt: report?.lintedAt.toISOString() ?? null,
    durationMs: report?.durationMs ?? null,
    errorCount: report?.errorCount ?? 0,
    warnCount: report?.warnCount ?? 0,
    byRule: (report?.byRule ?? {}) as Record<string, number>,
    truncated: report?.truncated ?? false,
    error: report?.error ?? null,
    findings: (report?.findings ?? []) as unknown as LintFinding[],
  };
}

export type LintReportView = Awaited<ReturnType<typeof getLintReport>>;
