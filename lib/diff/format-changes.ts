import type { Change, DiffResult, Level } from "./diff-types";

/** How a diff is printed: plain text for logs, Markdown for a pull-request comment, JSON for tools. */
export type DiffFormat = "text" | "json" | "markdown";

const LABEL: Record<Level, string> = { breaking: "BREAKING", warning: "warning", info: "info" };
const where = (change: Change) => {
  const reached = change.operationCount ?? change.operations?.length ?? 0;
  return change.operation ?? (reached ? `${change.component} (${reached === 1 ? change.operations![0] : `${reached} operations`})` : change.component) ?? "";
};

export function summaryLine(result: DiffResult): string {
  const { breaking, warning, info } = result.summary;
  const omitted = result.omitted ? result.omitted.breaking + result.omitted.warning + result.omitted.info : 0;
  return result.changes.length
    ? `${breaking} breaking, ${warning} potentially breaking, ${info} other change${info === 1 ? "" : "s"}${omitted ? ` (${omitted} not listed)` : ""}`
    : "no changes";
}

export function formatChanges(result: DiffResult, format: DiffFormat, title = "API changes"): string {
  if (format === "json") return JSON.stringify(result, null, 2);
  const line = (change: Change) => (change.message.startsWith(where(change)) ? change.message : `${where(change)}: ${change.message}`);
  if (format === "text")
    return [...result.changes.map((change) => `${LABEL[change.level].padEnd(8)} ${change.id}  ${line(change)}`), summaryLine(result)].join("\n");
  const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/</g, "&lt;");
  const lines = [`### ${title}: ${summaryLine(result)}`, ""];
  for (const level of ["breaking", "warning", "info"] as const) {
    const changes = result.changes.filter((change) => change.level === level);
    if (!changes.length) continue;
    lines.push(
      `<details${level === "info" ? "" : " open"}><summary><strong>${level === "breaking" ? "Breaking" : level === "warning" ? "Potentially breaking" : "Other"}</strong> (${changes.length})</summary>`,
      "",
      "| Where | Change | Rule |",
      "| --- | --- | --- |",
    );
    for (const change of changes) lines.push(`| ${escape(where(change))} | ${escape(change.message)} | \`${change.id}\` |`);
    lines.push("", "</details>", "");
  }
  return lines.join("\n");
}
