import type { Finding } from "./check-exchange";

/** One operation's outcome in a verify run. */
export interface VerifyCase {
  /** `METHOD /path/template`, with ` (negative: …)` for a request that must be refused. */
  name: string;
  outcome: "passed" | "failed" | "skipped" | "error";
  status?: number;
  findings: Finding[];
  /** Why it was skipped or could not be sent. */
  reason?: string;
  ms: number;
}

export interface VerifyResult {
  contract: string;
  version: string;
  baseUrl: string;
  cases: VerifyCase[];
  ms: number;
}

export type VerifyFormat = "text" | "json" | "junit" | "markdown";

export function tallyCases(cases: VerifyCase[]) {
  const count = (outcome: VerifyCase["outcome"]) => cases.filter((item) => item.outcome === outcome).length;
  return { passed: count("passed"), failed: count("failed"), skipped: count("skipped"), errors: count("error") };
}

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`);
const md = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function text(result: VerifyResult): string {
  const totals = tallyCases(result.cases);
  const lines = [`verify ${result.contract} ${result.version} against ${result.baseUrl}`];
  for (const item of result.cases) {
    const mark = { passed: "ok  ", failed: "FAIL", skipped: "skip", error: "ERR " }[item.outcome];
    lines.push(`${mark} ${item.name}${item.status ? ` → ${item.status}` : ""}${item.reason ? `: ${item.reason}` : ""}`);
    for (const finding of item.findings) lines.push(`       ${finding.kind}${finding.pointer ? ` ${finding.pointer}` : ""}: ${finding.message}`);
  }
  lines.push(
    `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.errors} could not be sent (${result.cases.length} requests in ${result.ms} ms)`,
  );
  return lines.join("\n");
}

function junit(result: VerifyResult): string {
  const totals = tallyCases(result.cases);
  const cases = result.cases.map((item) => {
    const open = `    <testcase classname="${xml(result.contract)}" name="${xml(item.name)}" time="${(item.ms / 1000).toFixed(3)}"`;
    if (item.outcome === "passed") return `${open}/>`;
    if (item.outcome === "skipped") return `${open}>\n      <skipped message="${xml(item.reason ?? "")}"/>\n    </testcase>`;
    if (item.outcome === "error") return `${open}>\n      <error message="${xml(item.reason ?? "")}"/>\n    </testcase>`;
    const body = item.findings.map((finding) => `${finding.kind} ${finding.pointer}: ${finding.message}`).join("\n");
    return `${open}>\n      <failure message="${xml(`${item.findings.length} mismatch${item.findings.length === 1 ? "" : "es"} with the contract`)}">${xml(body)}</failure>\n    </testcase>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="wayfinder verify" tests="${result.cases.length}" failures="${totals.failed}" errors="${totals.errors}" skipped="${totals.skipped}" time="${(result.ms / 1000).toFixed(3)}">`,
    `  <testsuite name="${xml(`${result.contract} ${result.version}`)}" tests="${result.cases.length}" failures="${totals.failed}" errors="${totals.errors}" skipped="${totals.skipped}">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
  ].join("\n");
}

function markdown(result: VerifyResult): string {
  const totals = tallyCases(result.cases);
  const lines = [
    `### Contract verification: ${md(result.contract)} ${md(result.version)}`,
    "",
    `${totals.failed ? "❌" : "✅"} ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.errors} could not be sent, against \`${md(result.baseUrl)}\`.`,
  ];
  const notable = result.cases.filter((item) => item.outcome !== "passed");
  if (notable.length) {
    lines.push("", "| Operation | Outcome | Status | What |", "|---|---|---|---|");
    for (const item of notable)
      lines.push(
        `| \`${md(item.name)}\` | ${item.outcome} | ${item.status ?? ""} | ${md(item.reason ?? item.findings.map((finding) => finding.message).join("; "))} |`,
      );
  }
  return lines.join("\n");
}

/** A verify run's report: for a person (text), a program (JSON), a CI test tab (JUnit XML) or a pull request (Markdown). */
export function formatVerifyReport(result: VerifyResult, format: VerifyFormat): string {
  if (format === "json") return JSON.stringify({ ...result, summary: tallyCases(result.cases) }, null, 2);
  if (format === "junit") return junit(result);
  if (format === "markdown") return markdown(result);
  return text(result);
}
