import Link from "next/link";
import { formatDuration } from "@/components/try/ttfc-figure";
import { getDb } from "@/lib/platform/db/database";
import { readerActor } from "@/lib/auth/reader-actor";
import { TTFC_WINDOW_DAYS } from "@/lib/try-it/first-call/time-to-first-call";
import { rankTimeToFirstCall } from "@/lib/try-it/first-call/rank-time-to-first-call";

export const metadata = { title: "Insights" };

/** Services ranked by how long newcomers take to make a first successful call: the slowest first. */
export default async function InsightsPage() {
  const actor = await readerActor("/insights");
  const rows = await rankTimeToFirstCall(await getDb(), actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Insights</h1>
      <h2 className="text-xl font-semibold">Time to first successful call</h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        For each person and API: from first opening the API&apos;s docs in Wayfinder to their first 2xx through Try it out (the proxy or the mock). Figures
        cover the people whose first success was in the last {TTFC_WINDOW_DAYS} days; the slowest APIs to get started with come first.
      </p>
      {rows.length ? (
        <table className="w-full text-sm" aria-label="Time to first successful call by service">
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th className="py-1 font-medium">Service</th>
              <th className="font-medium">Median</th>
              <th className="font-medium">90th percentile</th>
              <th className="font-medium">People</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.slug} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5">
                  <Link href={`/services/${row.slug}`} className="text-teal-700 hover:underline dark:text-teal-400">
                    {row.name}
                  </Link>
                </td>
                <td className="tabular-nums">{formatDuration(row.p50Seconds)}</td>
                <td className="tabular-nums">{formatDuration(row.p90Seconds)}</td>
                <td className="tabular-nums">{row.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nobody has made a first successful call through Try it out in the last {TTFC_WINDOW_DAYS} days.
        </p>
      )}
    </div>
  );
}
