import type { Change, DiffResult, Level } from "./diff-types";
import { countRows, rowsWithin } from "./markdown-rows";
import { describeConsumers, tallyConsumers } from "./tally-consumers";

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

/** Characters of a diff's Markdown at most: with the lint's, a check's comment stays well under GitHub's 65,536. */
export const DIFF_MARKDOWN_BUDGET = 40_000;

/** What the documents' schemas find wrong, once (a diff reads leniently and compares anyway). */
function validityLines(result: DiffResult): string[] {
  return (result.validity ?? []).map(
    (problem) => `the ${problem.document} document is not valid${problem.pointer ? ` at ${problem.pointer}` : ""}: ${problem.message}`,
  );
}

/** Who the changes touch, in one line; null when consumers were not looked up. */
export function impactLine(result: DiffResult): string | null {
  const tally = tallyConsumers(result.changes);
  if (!tally || !result.impact) return null;
  if (!tally.length) return `consumers: no known consumer is touched (${result.impact.considered} considered)`;
  const broken = tally.filter((entry) => entry.breaking);
  const named = (list: typeof tally) =>
    list
      .slice(0, 10)
      .map(
        (entry) =>
          `${entry.service.name} (${entry.breaking ? `${entry.breaking} breaking` : `${entry.warning} potentially breaking`}${entry.teams[0] ? `, ${entry.teams[0].name}` : ""})`,
      )
      .join(", ") + (list.length > 10 ? `, and ${list.length - 10} more` : "");
  return broken.length
    ? `consumers: breaks ${broken.length}: ${named(broken)}${tally.length > broken.length ? `; may break ${tally.length - broken.length} more` : ""}`
    : `consumers: breaks none; may break ${tally.length}: ${named(tally)}`;
}

export function formatChanges(result: DiffResult, format: DiffFormat, title = "API changes", options: { link?: string } = {}): string {
  if (format === "json") return JSON.stringify(result, null, 2);
  const line = (change: Change) => (change.message.startsWith(where(change)) ? change.message : `${where(change)}: ${change.message}`);
  const impact = impactLine(result);
  if (format === "text")
    return [
      ...validityLines(result).map((text) => `invalid  ${text}`),
      ...result.changes.flatMap((change) => {
        const consumers = change.level === "info" ? null : describeConsumers(change.consumers, change.level);
        return [`${LABEL[change.level].padEnd(8)} ${change.id}  ${line(change)}`, ...(consumers ? [`${" ".repeat(9)}→ ${consumers}`] : [])];
      }),
      summaryLine(result),
      ...(impact ? [impact] : []),
    ].join("\n");
  // Markdown for a pull request: breaking changes in full first, the rest counted by rule and listed
  // collapsed, each level within its share of the budget; the portal has everything.
  const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/</g, "&lt;");
  const lines = [`### ${title}: ${summaryLine(result)}`, ""];
  if (impact) lines.push(`**${impact[0]!.toUpperCase()}${impact.slice(1)}**`, "");
  if (options.link) lines.push(`Every change, with before and after: ${options.link}`, "");
  const invalid = validityLines(result);
  if (invalid.length) lines.push("Compared as written, though their schemas find problems:", "", ...invalid.map((text) => `- ${escape(text)}`), "");
  const shares = { breaking: 0.6, warning: 0.25, info: 0.15 } as const;
  for (const level of ["breaking", "warning", "info"] as const) {
    const changes = result.changes.filter((change) => change.level === level);
    const counted = result.summary[level];
    if (!counted) continue;
    const label = level === "breaking" ? "Breaking" : level === "warning" ? "Potentially breaking" : "Other";
    const consumers = (change: Change) => {
      const said = describeConsumers(change.consumers, change.level);
      return said ? `<br>→ ${escape(said)}` : "";
    };
    const { shown, more } = rowsWithin(
      changes.map((change) => `| ${escape(where(change))} | ${escape(change.message)}${consumers(change)} | \`${change.id}\` |`),
      DIFF_MARKDOWN_BUDGET * shares[level],
    );
    const notListed = more + (counted - changes.length);
    lines.push(`<details${level === "breaking" ? " open" : ""}><summary><strong>${label}</strong> (${counted})</summary>`, "");
    if (level !== "breaking") lines.push("| Rule | Changes |", "| --- | --- |", ...countRows(changes.map((change) => change.id)), "");
    lines.push("| Where | Change | Rule |", "| --- | --- | --- |", ...shown);
    if (notListed) lines.push("", `…and ${notListed} more${options.link ? ", in the portal" : ""}.`);
    lines.push("", "</details>", "");
  }
  return lines.join("\n");
}
