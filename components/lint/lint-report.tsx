import Link from "@/components/portal-link";
import type { LintFinding } from "@/lib/lint/lint-document";
import type { LintReportView } from "@/lib/lint/get-lint-report";

/** How many findings the page lists; the rest are in the report's API. */
const SHOWN = 300;

function FindingLink({ finding }: { finding: LintFinding }) {
  const className = "font-mono text-xs text-teal-700 underline underline-offset-2 dark:text-teal-400";
  if (!finding.link) return <span className="font-mono text-xs">{finding.ruleId}</span>;
  // A house rule links to its pattern, inside the portal; a built-in rule to Redocly's page.
  return finding.link.startsWith("/") ? (
    <Link href={finding.link} className={className}>
      {finding.ruleId}
    </Link>
  ) : (
    <a href={finding.link} rel="noopener noreferrer" className={className}>
      {finding.ruleId}
    </a>
  );
}

function Severity({ severity }: { severity: LintFinding["severity"] }) {
  return severity === "error" ? <span className="badge badge-amber">error</span> : <span className="badge badge-slate">warning</span>;
}

/** The version's findings against the house ruleset, grouped by operation (the document's own first). */
export function LintReport({ report, apiUrl }: { report: LintReportView; apiUrl: string }) {
  const shown = report.findings.slice(0, SHOWN);
  const groups = new Map<string, LintFinding[]>();
  for (const finding of shown) {
    const key = finding.operation ? `${finding.operation.method.toUpperCase()} ${finding.operation.path}` : "The document";
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === "The document" ? -1 : b === "The document" ? 1 : a.localeCompare(b)));
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
      {ordered.map(([title, findings]) => (
        <details key={title} open={ordered.length <= 3} className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
            <span className="font-mono">{title}</span> <span className="text-slate-600 dark:text-slate-400">({findings.length})</span>
          </summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
            {findings.map((finding, index) => (
              <li key={index} className="flex flex-wrap items-baseline gap-2 px-3 py-2">
                <Severity severity={finding.severity} />
                <FindingLink finding={finding} />
                <span className="min-w-0 break-words">{finding.message}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {report.findings.length > SHOWN && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The first {SHOWN} findings are listed; all {report.errorCount + report.warnCount} are in the JSON.
        </p>
      )}
    </section>
  );
}
