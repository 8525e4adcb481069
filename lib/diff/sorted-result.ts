import { byLevel, MAX_CHANGES, type Change, type DiffResult } from "./diff-types";

/** A diff's changes as every diff answers them: worst first, counted by level, listed up to MAX_CHANGES. */
export function sortedResult(changes: Change[]): Pick<DiffResult, "changes" | "summary" | "omitted"> {
  changes.sort((x, y) => byLevel(x, y) || (x.operation ?? x.component ?? "").localeCompare(y.operation ?? y.component ?? "") || x.id.localeCompare(y.id));
  const count = (list: Change[]) => ({
    breaking: list.filter((change) => change.level === "breaking").length,
    warning: list.filter((change) => change.level === "warning").length,
    info: list.filter((change) => change.level === "info").length,
  });
  if (changes.length <= MAX_CHANGES) return { changes, summary: count(changes) };
  return { changes: changes.slice(0, MAX_CHANGES), summary: count(changes), omitted: count(changes.slice(MAX_CHANGES)) };
}
