import Link from "@/components/portal-link";
import { SloTable, Verdict } from "@/components/insights/slo-table";
import { TrendChart } from "@/components/insights/trend-chart";
import { formatDuration } from "@/components/try/ttfc-figure";
import { readerActor } from "@/lib/auth/reader-actor";
import { dxSlos, type DxSlos } from "@/lib/insights/dx-slos";
import { getDb } from "@/lib/platform/db/database";

export const metadata = { title: "Insights" };

type Slo = DxSlos["slos"][number];

const muted = "max-w-3xl text-sm text-slate-600 dark:text-slate-400";

/** What each SLO measures, how, and what it is counted over. */
const ABOUT: Record<Slo["id"], { what: React.ReactNode; counted: string; none: string }> = {
  timeToFirstCall: {
    what: "For each person and API: from first opening the API's docs in Wayfinder to their first 2xx through Try it out (the proxy or the mock).",
    counted: "People",
    none: "Nobody has made a first successful call through Try it out",
  },
  docsFreshness: {
    what: (
      <>
        From a contract change&apos;s commit (<code>wayfinder publish</code> sends its time from git, or <code>--commit-time</code>) to its version being
        published, compared and linted.
      </>
    ),
    counted: "Versions",
    none: "No version was published with its commit's time",
  },
  timeToNewEndpoint: {
    what: (
      <>
        From an operation&apos;s first sighting (<code>wayfinder check</code> on a working copy that adds it, or <code>wayfinder new endpoint</code>) to its
        first published version that documents it (a summary or description) with a <code>wayfinder verify</code> run that called it and found every response as
        documented.
      </>
    ),
    counted: "Endpoints",
    none: "No endpoint went from its first sighting to published, documented and verified",
  },
  serializationDefects: {
    what: (
      <>
        Distinct body, header and media-type mismatches with the contract found in each checked release (Try it out&apos;s real calls,{" "}
        <code>wayfinder verify</code>, imported traffic); releases nothing checked are left out, not counted as clean.
      </>
    ),
    counted: "Releases",
    none: "No release has been checked against its contract",
  },
};

const formatDefects = (value: number) => value.toFixed(1);

function CompanyLine({ slo, format }: { slo: Slo; format: (value: number) => string }) {
  if (!slo.company) return null;
  const { company } = slo;
  return slo.statistic === "mean" ? (
    <>
      {" "}
      Company-wide: {format(company.mean)} per release over {company.count} checked releases (<Verdict met={slo.met!} />
      ).
    </>
  ) : (
    <>
      {" "}
      Company-wide: median {format(company.p50)}, 90th percentile {format(company.p90)} over {company.count} {ABOUT[slo.id].counted.toLowerCase()} (
      <Verdict met={slo.met!} />
      ).
    </>
  );
}

function SloSection({ slo, windowDays }: { slo: Slo; windowDays: number }) {
  const format = slo.unit === "seconds" ? formatDuration : formatDefects;
  const about = ABOUT[slo.id];
  return (
    <section aria-labelledby={`slo-${slo.id}`} className="space-y-3">
      <h2 id={`slo-${slo.id}`} className="text-xl font-semibold">
        {slo.title}
      </h2>
      <p className={muted}>
        {about.what} Target: {slo.statistic === "p90" ? "90th percentile under" : "at most"} {format(slo.target)}
        {slo.statistic === "mean" ? " per release" : ""}, over the last {windowDays} days.
        <CompanyLine slo={slo} format={format} />
      </p>
      {slo.company ? (
        <>
          <TrendChart label={slo.title} points={slo.trend} target={slo.target} format={format} />
          {slo.teams.length > 0 && (
            <SloTable label={`${slo.title} by team`} entity="team" countHeading={about.counted} rows={slo.teams} statistic={slo.statistic} format={format} />
          )}
          <SloTable
            label={`${slo.title} by service`}
            entity="service"
            countHeading={about.counted}
            rows={slo.services}
            statistic={slo.statistic}
            format={format}
          />
        </>
      ) : (
        <p className={muted}>
          {about.none} in the last {windowDays} days.
        </p>
      )}
    </section>
  );
}

/** The developer-experience SLOs beside their targets, for the company, each team and each service, with a weekly trend. */
export default async function InsightsPage() {
  const actor = await readerActor("/insights");
  const slos = await dxSlos(await getDb(), actor);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Insights</h1>
        <p className={muted}>
          The developer-experience SLOs, each beside its target in <code>governance/slos.yaml</code>, for the company, each team (over the services it owns) and
          each service, worst first; the scorecards&apos; <code>slo-targets</code> check holds each service to them. The same figures:{" "}
          <code>GET /api/v1/insights/slos</code>.
        </p>
      </div>
      {slos.slos.map((slo) => (
        <SloSection key={slo.id} slo={slo} windowDays={slos.windowDays} />
      ))}
      {slos.releases.length > 0 && (
        <section aria-labelledby="checked-releases" className="space-y-2">
          <h2 id="checked-releases" className="text-lg font-semibold">
            Checked releases
          </h2>
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
              {slos.releases.map((release) => (
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
        </section>
      )}
    </div>
  );
}
