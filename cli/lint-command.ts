import { readFile } from "node:fs/promises";
import path from "node:path";
import { countRows, rowsWithin } from "@/lib/diff/markdown-rows";
import { parseCliEnv } from "@/lib/platform/env";
import { lintDocument, type LintResult } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";
import { RULESET_PATH } from "@/lib/lint/ruleset-text";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { joinedDocument, readJoinedApi } from "./read-api";
import { isAsyncApi } from "@/lib/asyncapi/is-async-api";

/** The portal's ruleset, written into the bundled command by scripts/build-cli.mjs (absent when run from source). */
declare const WAYFINDER_RULESET: string | undefined;

export type LintFailOn = "error" | "warn" | null;

/**
 * The ruleset `--ruleset` names, else the one the portal that served this command was built with,
 * else (run from a checkout, wherever the working directory is) the repository's governance/lint.yaml.
 */
export async function rulesetText(file: string | undefined): Promise<string> {
  if (file) return readFile(file, "utf8");
  if (typeof WAYFINDER_RULESET === "string") return WAYFINDER_RULESET;
  return readFile(path.join(import.meta.dirname, "..", RULESET_PATH), "utf8");
}

/** Lints a document (a file with its `$ref`s, or a URL) read through the portal's pipeline, as the portal stores it. */
export async function lintApi(source: string, options: { root?: string; ruleset?: string }): Promise<LintResult> {
  // Strict, as publishing is: the house rules are checked on a valid contract, HTTP or event API.
  const limits = ingestLimitsFromEnv(parseCliEnv(process.env));
  const joined = await joinedDocument(source, limits, options.root);
  const { document } = isAsyncApi(joined.data)
    ? await (await import("@/lib/asyncapi/read-asyncapi")).readAsyncApi(joined.data, limits)
    : await readJoinedApi(joined, limits, true);
  return lintDocument(document, await loadRuleset(await rulesetText(options.ruleset)));
}

/** 1 when a finding is at or above `failOn`, else 0. */
export function lintVerdict(result: LintResult, failOn: LintFailOn): 0 | 1 {
  if (failOn === "error") return result.errorCount ? 1 : 0;
  if (failOn === "warn") return result.errorCount + result.warnCount ? 1 : 0;
  return 0;
}

/** The findings as text or Markdown (the one `check` posts to a pull request), or JSON. */
/** Characters of the lint's Markdown at most (a check prints it after the diff's). */
export const LINT_MARKDOWN_BUDGET = 20_000;

export function formatLint(result: LintResult, format: "text" | "markdown" | "json", title: string): string {
  if (format === "json") return JSON.stringify(result, null, 2);
  const where = (finding: LintResult["findings"][number]) =>
    finding.operation ? `${finding.operation.method.toUpperCase()} ${finding.operation.path}` : finding.pointer || "/";
  const total = `${result.errorCount} error${result.errorCount === 1 ? "" : "s"}, ${result.warnCount} warning${result.warnCount === 1 ? "" : "s"}`;
  if (format === "markdown") {
    // Counts per rule, errors listed first and the warnings collapsed, within a budget that keeps a
    // check's pull-request comment well under GitHub's limit (520 warnings one by one were 84,047 characters).
    const row = (finding: LintResult["findings"][number]) =>
      `| ${finding.severity} | ${finding.link ? `[\`${finding.ruleId}\`](${finding.link})` : `\`${finding.ruleId}\``} | \`${where(finding)}\` | ${finding.message.replace(/\|/g, "\\|")} |`;
    const lines = [`### House rules: ${title}`, "", total];
    if (!result.findings.length) return lines.join("\n");
    lines.push("", "| Rule | Findings |", "| --- | --- |", ...countRows(result.findings.map((finding) => `${finding.ruleId} (${finding.severity})`)));
    for (const severity of ["error", "warn"] as const) {
      const findings = result.findings.filter((finding) => (severity === "error" ? finding.severity === "error" : finding.severity !== "error"));
      if (!findings.length) continue;
      const { shown, more } = rowsWithin(findings.map(row), severity === "error" ? LINT_MARKDOWN_BUDGET * 0.6 : LINT_MARKDOWN_BUDGET * 0.4);
      lines.push(
        "",
        `<details${severity === "error" ? " open" : ""}><summary><strong>${severity === "error" ? "Errors" : "Warnings"}</strong> (${findings.length})</summary>`,
        "",
        "| Severity | Rule | Where | Finding |",
        "| --- | --- | --- | --- |",
        ...shown,
        ...(more ? ["", `…and ${more} more.`] : []),
        "",
        "</details>",
      );
    }
    return lines.join("\n");
  }
  const lines = result.findings.map(
    (finding) => `  ${finding.severity === "error" ? "error" : "warn "} ${finding.ruleId}  ${where(finding)}  ${finding.message}`,
  );
  return [`house rules: ${title}: ${total}`, ...lines].join("\n");
}

/** `wayfinder lint <file>`: offline, with the portal's ruleset. */
export async function lintCommand(
  source: string,
  options: { root?: string; ruleset?: string; failOn: LintFailOn; format: "text" | "markdown" | "json" },
): Promise<number> {
  const result = await lintApi(source, options);
  console.log(formatLint(result, options.format, source));
  return lintVerdict(result, options.failOn);
}
