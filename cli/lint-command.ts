import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseCliEnv } from "@/lib/env";
import { lintDocument, type LintResult } from "@/lib/lint/lint-document";
import { loadRuleset, RULESET_PATH } from "@/lib/lint/lint-ruleset";
import { ingestLimitsFromEnv } from "@/lib/openapi/ingest-limits";
import { readApi } from "./read-api";

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
  const document = await readApi(source, ingestLimitsFromEnv(parseCliEnv(process.env)), options.root);
  return lintDocument(JSON.stringify(document), await loadRuleset(await rulesetText(options.ruleset)));
}

/** 1 when a finding is at or above `failOn`, else 0. */
export function lintVerdict(result: LintResult, failOn: LintFailOn): 0 | 1 {
  if (failOn === "error") return result.errorCount ? 1 : 0;
  if (failOn === "warn") return result.errorCount + result.warnCount ? 1 : 0;
  return 0;
}

/** The findings as text or Markdown (the one `check` posts to a pull request), or JSON. */
export function formatLint(result: LintResult, format: "text" | "markdown" | "json", title: string): string {
  if (format === "json") return JSON.stringify(result, null, 2);
  const where = (finding: LintResult["findings"][number]) =>
    finding.operation ? `${finding.operation.method.toUpperCase()} ${finding.operation.path}` : finding.pointer || "/";
  const total = `${result.errorCount} error${result.errorCount === 1 ? "" : "s"}, ${result.warnCount} warning${result.warnCount === 1 ? "" : "s"}`;
  if (format === "markdown") {
    const rows = result.findings.map(
      (finding) =>
        `| ${finding.severity} | ${finding.link ? `[\`${finding.ruleId}\`](${finding.link})` : `\`${finding.ruleId}\``} | \`${where(finding)}\` | ${finding.message.replace(/\|/g, "\\|")} |`,
    );
    return [
      `### House rules: ${title}`,
      "",
      total,
      ...(rows.length ? ["", "| Severity | Rule | Where | Finding |", "| --- | --- | --- | --- |", ...rows] : []),
    ].join("\n");
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
