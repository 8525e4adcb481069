import type { LintReportView } from "@/lib/lint/get-lint-report";
import { FindingLink, Severity } from "./finding-link";
import { LintFindings } from "./lint-findings";

/** How many findings the page lists before the reader asks for all of them. */
const SHOWN = 40;

/** How often each rule is broken, most first, with its severity and link from a finding of it where one is stored. */
function RuleCounts({ report }: { report: LintReportView }) {
  const rules = Object.entries(report.byRule).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (rules.length === 0) return null;
  return (
    <table className="text-sm" aria-label="Findings per rule">
      <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 pr-4 font-medium">Rule</th>
          <th className="pr-4 font-medium">Severity</th>
          <th className="text-right font-medium">Findings</th>
        </tr>
      </thead>
      <tbody>
        {rules.map(([ruleId, count]) => {
          const example = report.findings.find((finding) => finding.ruleId === ruleId);
          return (
            <tr key={ruleId} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1 pr-4">
                <FindingLink ruleId={ruleId} link={example?.link ?? null} />
              </td>
              <td className="pr-4">{example ? <Severity severity={example.severity} /> : null}</td>
              <td className="text-right tabular-nums">{count}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The version's findings against the house ruleset: how many per rule, then the findings by operation. */
export function LintReport({ report, apiUrl }: { report: LintReportView; apiUrl: string }) {
  const total = report.errorCount + report.warnCount;
  return (
    <section aria-labelledby="house-rules" className="space-y-3" data-testid="lint-report">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="house-rules" className="text-xl font-semibold">
          House rules
        </h2>
        {report.status === "done" && (
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="lint-summary">
            {report.errorCount} error{report.errorCount === 1 ? "" : "s"}, {report.warnCount} warning{report.warnCount === 1 ? "" : "s"}
          </p>
        )}
        <a href={apiUrl} className="text-sm text-teal-700 underline underline-offset-2 dark:text-teal-400">
          As JSON
        </a>
      </div>
      {report.status === "pending" && <p className="text-sm text-slate-600 dark:text-slate-400">Being checked: reload in a few seconds.</p>}
      {report.status === "failed" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          This version could not be checked. {report.error}
        </p>
      )}
      {report.status === "done" && report.findings.length === 0 && (
        <p className="text-sm text-slate-700 dark:text-slate-300">This version follows every house rule.</p>
      )}
      {total > 0 && <RuleCounts report={report} />}
      <LintFindings first={report.findings.slice(0, SHOWN)} stored={report.findings.length} apiUrl={apiUrl} />
      {report.truncated && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {report.findings.length} of {total} findings are kept, errors first; the counts per rule cover all {total}.
        </p>
      )}
    </section>
  );
}
