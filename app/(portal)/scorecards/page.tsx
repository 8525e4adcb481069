import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { TrendChart } from "@/components/scorecards/trend-chart";
import { getDb } from "@/lib/platform/db/database";
import { readerActor } from "@/lib/auth/reader-actor";
import { loadScorecardConfig } from "@/lib/scorecards/scorecard-config";
import { scorecardOverview, TREND_DAYS } from "@/lib/scorecards/scorecard-overview";

export const metadata: Metadata = { title: "Scorecards" };

/** The company's scorecard levels: how many services stand at each now, the trend, and what each level asks. */
export default async function ScorecardsPage() {
  const actor = await readerActor("/scorecards");
  const overview = await scorecardOverview(await getDb(), actor);
  const config = loadScorecardConfig();
  const total = overview.levels.reduce((sum, level) => sum + level.count, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Scorecards</h1>
      <p className="max-w-3xl text-slate-700 dark:text-slate-300">
        Each service stands at the highest level whose checks, and every lower level&apos;s, it passes. The levels and their checks are in{" "}
        <code>governance/scorecards.yaml</code>; levels are recomputed when a version is linted and every few minutes.
      </p>
      <section aria-labelledby="now" className="space-y-2">
        <h2 id="now" className="text-xl font-semibold">
          Now ({total} services)
        </h2>
        <table className="text-sm" data-testid="level-distribution">
          <tbody>
            {overview.levels.map((level) => (
              <tr key={level.name}>
                <th scope="row" className="py-1 pr-6 text-left font-medium">
                  <Link href={`/services?level=${encodeURIComponent(level.name)}`} className="text-teal-700 underline underline-offset-2 dark:text-teal-400">
                    {level.name === "none" ? "No level yet" : level.name}
                  </Link>
                </th>
                <td className="py-1 text-right tabular-nums">{level.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="trend" className="space-y-2">
        <h2 id="trend" className="text-xl font-semibold">
          The last {TREND_DAYS} days
        </h2>
        {overview.trend.length ? (
          <TrendChart trend={overview.trend} order={overview.order} />
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">No days recorded yet.</p>
        )}
      </section>
      <section aria-labelledby="levels" className="space-y-2">
        <h2 id="levels" className="text-xl font-semibold">
          What each level asks
        </h2>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
          {config.levels.map((level) => (
            <li key={level.name}>
              <span className="font-medium">{level.name}</span>: {level.checks.join(", ")}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
