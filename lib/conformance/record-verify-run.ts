import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { assertMayRecordConformance } from "./may-record";
import { verifyRunSchema, type VerifyRun } from "./verify-run-schema";
import { checkedVersionRow } from "./checked-version";
import { recordRun } from "./record-conformance";

/**
 * Records a verify run made in CI against a running service: its findings (pointer and rule, as the
 * CLI found them; the portal fetches nothing) and one run row, audited. Those who may edit the service.
 */
export async function recordVerifyRun(db: Db, actor: Actor, input: { slug: string; run: VerifyRun }) {
  const service = await assertMayRecordConformance(db, actor, input.slug);
  const run = verifyRunSchema.parse(input.run);
  if (run.mismatched > run.exchanges) throw new AppError("VALIDATION_FAILED", `mismatched (${run.mismatched}) cannot exceed exchanges (${run.exchanges}).`);
  const version = await checkedVersionRow(db, service, run.version);
  const now = new Date();
  const created = await recordRun(db, actor, {
    service,
    version,
    source: "verify",
    exchanges: run.exchanges,
    mismatched: run.mismatched,
    passed: run.passed,
    findings: run.findings.map((finding) => ({ ...finding, firstSeenAt: now, lastSeenAt: now })),
  });
  return { runId: created.id, version: version.version, revision: version.revision, recordedAt: created.createdAt.toISOString() };
}
