import Link from "next/link";
import { PercentileTable, Verdict } from "@/components/insights/percentile-table";
import { formatDuration } from "@/components/try/ttfc-figure";
import { getDb } from "@/lib/platform/db/database";
import { readerActor } from "@/lib/auth/reader-actor";
import { TTFC_WINDOW_DAYS } from "@/lib/try-it/first-call/time-to-first-call";
import { rankTimeToFirstCall } from "@/lib/try-it/first-call/rank-time-to-first-call";
import { sloTargets } from "@/lib/governance/slo-targets";
import { docsFreshness, FRESHNESS_WINDOW_DAYS } from "@/lib/insights/docs-freshness";
import { DEFECTS_WINDOW_DAYS, serializationDefects } from "@/lib/insights/serialization-defects";

export const metadata = { title: "Insights" };

/** The developer-experience SLOs beside their targets: time to first call, docs freshness, serialization defects per release. */
export default async function InsightsPage() {
  const actor = await readerActor("/insights");
  const db = await getDb();
  const [rows, freshness, defects] = await Promise.all([rankTimeToFirstCall(db, actor), docsFreshness(db, actor), serializationDefects(db, actor)]);
  const targets = sloTargets();
  const ttfcTarget = targets.timeToFirstCall.p90Minutes * 60;
  const freshnessTarget = targets.docsFreshness.p90Minutes * 60;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Insights</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        The developer-experience SLOs, each beside its target in <code>governance/slos.yaml</code>: time to a first successful call (90th percentile under{" "}
        {formatDuration(ttfcTarget)}), docs freshness (under {formatDuration(freshnessTarget)}) and serialization defects per release (at most{" "}
        {targets.serializationDefects.perRelease}).
      </p>
      <h2 className="text-xl font-semibold">Time to first successful call</h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        For each person and API: from first opening the API&apos;s docs in Wayfinder to their first 2xx through Try it out (the proxy or the mock). Figures
        cover the people whose first success was in the last {TTFC_WINDOW_DAYS} days; the slowest APIs to get started with come first.
      </p>
      {rows.length ? (
        <PercentileTable
          label="Time to first successful call by service"
          countHeading="People"
          rows={rows.map((row) => ({ ...row, count: row.people }))}
          targetSeconds={ttfcTarget}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nobody has made a first successful call through Try it out in the last {TTFC_WINDOW_DAYS} days.
        </p>
      )}

      <h2 className="text-xl font-semibold">Docs freshness</h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        From a contract change&apos;s commit (<code>wayfinder publish</code> sends its time from git, or <code>--commit-time</code>) to its version being
        published, compared and linted, for versions of the last {FRESHNESS_WINDOW_DAYS} days.
        {freshness.company && (
          <>
            {" "}
            Company-wide: median {formatDuration(freshness.company.p50Seconds)}, 90th percentile {formatDuration(freshness.company.p90Seconds)} over{" "}
            {freshness.company.versions} versions (<Verdict met={freshness.company.p90Seconds <= freshnessTarget} />
            ).
          </>
        )}
      </p>
      {freshness.services.length ? (
        <PercentileTable
          label="Docs freshness by service"
          countHeading="Versions"
          rows={freshness.services.map((row) => ({ ...row, count: row.versions }))}
          targetSeconds={freshnessTarget}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No version of the last {FRESHNESS_WINDOW_DAYS} days was published with its commit&apos;s time.
        </p>
      )}

      <h2 className="text-xl font-semibold">Serialization defects per release</h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Distinct body, header and media-type mismatches with the contract found in each release of the last {DEFECTS_WINDOW_DAYS} days that was checked (Try it
        out&apos;s real calls, <code>wayfinder verify</code>, imported traffic); releases nothing checked are left out.
        {defects.company && (
          <>
            {" "}
            Company-wide: {defects.company.perRelease.toFixed(1)} per release over {defects.company.releases} checked releases (
            <Verdict met={defects.company.perRelease <= targets.serializationDefects.perRelease} />
            ).
          </>
        )}
      </p>
      {defects.releases.length ? (
        <table className="w-full text-sm" aria-label="Serialization defects by release">
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th className="py-1 font-medium">Service</th>
              <th className="font-medium">Version</th>
              <th className="font-medium">Defects</th>
              <th className="font-medium">Exchanges checked</th>
            </tr>
          </thead>
          <tbody>
            {defects.releases.map((release) => (
              <tr key={`${release.slug} ${release.version} ${release.revision}`} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5">
                  <Link
                    href={`/services/${release.slug}?version=${encodeURIComponent(release.version)}`}
                    className="text-teal-700 hover:underline dark:text-teal-400"
                  >
                    {release.name}
                  </Link>
                </td>
                <td>
                  {release.version}
                  {release.revision > 1 ? ` (revision ${release.revision})` : ""}
                </td>
                <td className="tabular-nums">{release.defects}</td>
                <td className="tabular-nums">{release.checked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No release of the last {DEFECTS_WINDOW_DAYS} days has been checked against its contract.</p>
      )}
    </div>
  );
}
