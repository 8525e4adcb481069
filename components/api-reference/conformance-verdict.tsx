import type { VerdictSummary } from "@/lib/conformance/verdict-header";

/**
 * The Try it out proxy's verdict on a real response, shown above it: whether the status, headers and
 * body are what the contract documents for the operation, and if not, where and how they differ.
 */
export function ConformanceVerdict({ verdict }: { verdict: VerdictSummary }) {
  if (!verdict.total && verdict.unchecked)
    return (
      <p
        className="my-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        data-testid="conformance-verdict"
      >
        <strong>Status and headers match the contract</strong> of <code>{verdict.operation}</code>; the body was not checked: {verdict.unchecked}.
      </p>
    );
  if (!verdict.total)
    return (
      <p
        className="my-2 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
        data-testid="conformance-verdict"
      >
        <strong>Matches the contract</strong>: the status, headers and body are what <code>{verdict.operation}</code> documents.
      </p>
    );
  const more = verdict.total - verdict.findings.length;
  return (
    <div
      className="my-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      data-testid="conformance-verdict"
    >
      <p>
        <strong>
          {verdict.documented ? `${verdict.total} mismatch${verdict.total === 1 ? "" : "es"} with the contract` : `${verdict.operation} is not in the contract`}
        </strong>
        {verdict.documented && (
          <>
            {" "}
            of <code>{verdict.operation}</code>:
          </>
        )}
      </p>
      {verdict.documented && (
        <ul className="mt-1 list-disc pl-5">
          {verdict.findings.map((finding, index) => (
            <li key={index}>{finding.message}</li>
          ))}
          {more > 0 && <li>and {more} more</li>}
        </ul>
      )}
    </div>
  );
}
