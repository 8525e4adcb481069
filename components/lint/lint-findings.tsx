"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import type { LintFinding } from "@/lib/lint/lint-document";
import { FindingLink, Severity } from "./finding-link";

const DOCUMENT = "The document";

function byOperation(findings: LintFinding[]): [string, LintFinding[]][] {
  const groups = new Map<string, LintFinding[]>();
  for (const finding of findings) {
    const key = finding.operation ? `${finding.operation.method.toUpperCase()} ${finding.operation.path}` : DOCUMENT;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === DOCUMENT ? -1 : b === DOCUMENT ? 1 : a.localeCompare(b)));
}

/**
 * A version's findings grouped by operation (the document's own first): the first few from the page,
 * every stored one fetched from the report's API when the reader asks. A document breaking a rule on
 * every operation has hundreds, and each listed finding is markup the page parses and hydrates before
 * the API reference starts.
 */
export function LintFindings({ first, stored, apiUrl }: { first: LintFinding[]; stored: number; apiUrl: string }) {
  const [showAll, setShowAll] = useState(false);
  const all = useQuery({
    queryKey: ["lint", apiUrl],
    queryFn: async () => (await fetchJson(apiUrl, "The findings")).findings as LintFinding[],
    enabled: showAll,
    staleTime: Infinity,
  });
  const findings = showAll && all.data ? all.data : first;
  const groups = byOperation(findings);
  return (
    <>
      {groups.map(([title, findings]) => (
        <details key={title} open={groups.length <= 3} className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
            <span className="font-mono">{title}</span> <span className="text-slate-600 dark:text-slate-400">({findings.length})</span>
          </summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800">
            {findings.map((finding, index) => (
              <li key={index} className="flex flex-wrap items-baseline gap-2 px-3 py-2">
                <Severity severity={finding.severity} />
                <FindingLink ruleId={finding.ruleId} link={finding.link} />
                <span className="min-w-0 break-words">{finding.message}</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {stored > findings.length && (
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400" data-testid="lint-more">
          <span>
            The first {findings.length} of {stored} findings are listed.
          </span>
          <button
            type="button"
            onClick={() => setShowAll(true)}
            disabled={showAll && all.isPending}
            className="rounded-md border border-slate-300 px-2 py-0.5 text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            {showAll && all.isPending ? "Loading…" : `Show all ${stored}`}
          </button>
        </p>
      )}
      {all.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {all.error.message}
        </p>
      )}
    </>
  );
}
