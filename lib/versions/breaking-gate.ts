import type { BreakingChangePolicy } from "@/generated/prisma/enums";
import { policyBlocks } from "@/lib/approvals/breaking-policy";
import type { coverBreaking } from "@/lib/approvals/cover-changes";
import type { Change, DiffResult } from "@/lib/diff/diff-types";

type Covers = (ReturnType<typeof coverBreaking> & { all: boolean }) | null;

/**
 * The breaking changes a policy refuses at publish, for publishing and its dry run alike: under
 * `block`, every one no approval or waiver covers; under `block-if-consumed`, those of them that touch
 * a consumer (and, when the diff was cut with breaking changes unlisted, the publish, if the provider
 * has any consumer: what was not listed cannot be shown to touch nobody).
 */
export function refusedChanges(policy: BreakingChangePolicy, result: DiffResult, covers: Covers): { refused: boolean; changes: Change[] } {
  if (!result.summary.breaking || !policyBlocks(policy)) return { refused: false, changes: [] };
  if (covers?.all) return { refused: false, changes: [] };
  const uncovered = covers ? covers.uncovered : result.changes.filter((change) => change.level === "breaking");
  if (policy === "block") return { refused: true, changes: uncovered };
  const consumed = uncovered.filter((change) => change.consumers?.length);
  const unlisted = (result.omitted?.breaking ?? 0) > 0 && (result.impact?.considered ?? 0) > 0;
  return { refused: consumed.length > 0 || unlisted, changes: consumed };
}

/**
 * What publishing does under the service's policy, for HTTP and event versions alike: passes with the
 * reason recorded on the version (the approvals that cover every breaking change, or the reason a
 * maintainer gave for refused ones; null when nothing needed one), or is refused with the changes
 * that refuse it (the caller words the refusal).
 */
export function policyVerdict(
  policy: BreakingChangePolicy,
  result: DiffResult,
  covers: Covers,
  acceptBreaking: string | undefined,
): { refused: false; reason: string | null } | { refused: true; changes: Change[] } {
  if (covers?.all && !acceptBreaking)
    return { refused: false, reason: `approved: ${[...new Set(covers.covered.map(({ cover }) => cover.reason))].join("; ")}` };
  const refused = refusedChanges(policy, result, covers);
  if (!refused.refused) return { refused: false, reason: null };
  return acceptBreaking ? { refused: false, reason: acceptBreaking } : { refused: true, changes: refused.changes };
}
