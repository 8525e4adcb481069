import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { assertMayRecordConformance } from "./may-record";
import { FINDING_KINDS } from "./check-exchange";
import { checkedVersionRow } from "./checked-version";
import { recordRun } from "./record-conformance";

const MAX_FINDINGS = 1_000;

/** What `wayfinder verify` sends when it has a token: the version it checked, how many calls, and its findings. */
export const verifyRunSchema = z
  .object({
    version: z.string().min(1).max(200).meta({ description: "The version (`info.version`) the run checked; its newest revision records it." }),
    exchanges: z.number().int().min(0).max(10_000_000),
    mismatched: z.number().int().min(0).max(10_000_000),
    findings: z
      .array(
        z.object({
          operation: z.string().min(1).max(500),
          kind: z.enum(FINDING_KINDS),
          pointer: z.string().max(500),
          rule: z.string().min(1).max(100),
          message: z.string().min(1).max(500),
          count: z.number().int().min(1).default(1),
        }),
      )
      .max(MAX_FINDINGS),
    passed: z
      .array(z.string().min(1).max(500))
      .max(10_000)
      .default([])
      .meta({ description: "The operations (`METHOD /path/template`) it called with every response as documented; time to a new endpoint ends at the first." }),
  })
  .strict();

export type VerifyRun = z.input<typeof verifyRunSchema>;

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
