import type { Change } from "@/lib/diff/diff-types";

/** An approval as the REST API and `wayfinder check` see it. */
export interface ApprovalView {
  id: string;
  ruleId: string;
  target: string;
  pointer: string;
  reason: string;
  expiresAt: string | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A waiver as the REST API and `wayfinder check` see it (`team` null: portal-wide). */
export interface WaiverView {
  id: string;
  team: string | null;
  ruleId: string;
  pathPattern: string;
  reason: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export type Cover = { kind: "approval" | "waiver"; id: string; reason: string; by: string };

/** What an approval names of a change: its rule, where (operation or shared component) and pointer. */
export function approvalKey(change: Pick<Change, "id" | "operation" | "component" | "pointer">): { ruleId: string; target: string; pointer: string } {
  return { ruleId: change.id, target: change.operation ?? change.component ?? "", pointer: change.pointer.revision ?? change.pointer.base ?? "" };
}

const active = (item: { revokedAt: string | null; expiresAt: string | null }, now: Date) =>
  item.revokedAt === null && (item.expiresAt === null || Date.parse(item.expiresAt) > now.getTime());

/** A path pattern as a regular expression: `**` crosses segments, `*` stays within one; the rest is literal. */
function patternExpression(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** Whether a waiver's path pattern covers `METHOD /path` (or a bare path). */
export function pathMatches(pathPattern: string, operation: string): boolean {
  const path = operation.includes(" ") ? operation.slice(operation.indexOf(" ") + 1) : operation;
  return patternExpression(pathPattern).test(path);
}

/**
 * What covers a change: an active approval naming exactly its rule, operation (or component) and
 * pointer, else an active waiver of its rule whose path pattern covers its operation (every operation
 * listed, for a shared schema). Null when nothing does: a different break in the same operation is
 * not covered by another's approval.
 */
export function coverOf(change: Change, approvals: ApprovalView[], waivers: WaiverView[], now = new Date()): Cover | null {
  const key = approvalKey(change);
  const approval = approvals.find(
    (candidate) => active(candidate, now) && candidate.ruleId === key.ruleId && candidate.target === key.target && candidate.pointer === key.pointer,
  );
  if (approval) return { kind: "approval", id: approval.id, reason: approval.reason, by: approval.createdBy };
  const operations = change.operation ? [change.operation] : (change.operations ?? []);
  if (!operations.length) return null;
  const waiver = waivers.find(
    (candidate) => active(candidate, now) && candidate.ruleId === change.id && operations.every((operation) => pathMatches(candidate.pathPattern, operation)),
  );
  return waiver ? { kind: "waiver", id: waiver.id, reason: waiver.reason, by: waiver.createdBy } : null;
}

/** The breaking changes, split into those an approval or waiver covers (with which) and those none does. */
export function coverBreaking(changes: Change[], approvals: ApprovalView[], waivers: WaiverView[], now = new Date()) {
  const covered: { change: Change; cover: Cover }[] = [];
  const uncovered: Change[] = [];
  for (const change of changes) {
    if (change.level !== "breaking") continue;
    const cover = coverOf(change, approvals, waivers, now);
    if (cover) covered.push({ change, cover });
    else uncovered.push(change);
  }
  return { covered, uncovered };
}
