import type { ConformanceView } from "@/lib/conformance/get-conformance";

const SOURCE_NAMES = { try: "Try it out", verify: "wayfinder verify", traffic: "Imported traffic" } as const;
const KIND_NAMES: Record<string, string> = {
  "undocumented-operation": "undocumented operation",
  "undocumented-status": "undocumented status",
  "undocumented-parameter": "undocumented parameter",
  "media-type": "media type",
  body: "body",
  header: "header",
  "accepted-invalid": "accepts an invalid request",
};
const SHOWN = 50;

/**
 * Whether the running service honours this version of its contract: what was checked (Try it out's
 * calls through the proxy, verify runs from CI, imported traffic) and every way the responses departed
 * from it, with where and how often.
 */
export function ConformanceSection({ slug, conformance }: { slug: string; conformance: ConformanceView }) {
  const checked = conformance.sources.reduce((sum, source) => sum + source.exchanges, 0);
  return (
    <section aria-labelledby="conformance" className="space-y-3">
      <h2 id="conformance" className="text-xl font-semibold">
        Conformance of {conformance.version}
      </h2>
      {checked === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nothing has been checked against this version yet. Run <code>wayfinder verify --service {slug} --base-url &lt;url&gt;</code> in CI, send logs with{" "}
          <code>wayfinder traffic {slug} &lt;file.har&gt;</code>, or call a real server with Try it out.
        </p>
      ) : (
        <ul aria-label="What was checked" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {conformance.sources.map((source) => (
            <li key={source.source}>
              <span className="font-medium">{SOURCE_NAMES[source.source]}</span>: {source.exchanges} checked,{" "}
              <span className={source.mismatched ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"}>
                {source.mismatched} departing from the contract
              </span>
              {source.lastCheckedAt && <span className="text-slate-600 dark:text-slate-400"> (last {source.lastCheckedAt.slice(0, 10)})</span>}
            </li>
          ))}
        </ul>
      )}
      {conformance.findings.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Ways responses departed from the contract</caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Operation
                </th>
                <th scope="col" className="py-1 pr-3">
                  What
                </th>
                <th scope="col" className="py-1 pr-3">
                  Seen
                </th>
                <th scope="col" className="py-1">
                  Last
                </th>
              </tr>
            </thead>
            <tbody>
              {conformance.findings.slice(0, SHOWN).map((finding) => (
                <tr
                  key={`${finding.source} ${finding.operation} ${finding.kind} ${finding.pointer} ${finding.rule}`}
                  className="border-t border-slate-200 dark:border-slate-700"
                >
                  <td className="py-1 pr-3 font-mono text-xs break-all">{finding.operation}</td>
                  <td className="py-1 pr-3">
                    <span className="font-medium">{KIND_NAMES[finding.kind] ?? finding.kind}</span>: {finding.message}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {finding.count}× <span className="text-xs text-slate-600 dark:text-slate-400">({SOURCE_NAMES[finding.source]})</span>
                  </td>
                  <td className="py-1 whitespace-nowrap">{finding.lastSeenAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {conformance.findingCount > SHOWN && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {conformance.findingCount - SHOWN} more at <code>/api/v1/services/{slug}/conformance</code>.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
