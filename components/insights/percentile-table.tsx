import Link from "next/link";
import { formatDuration } from "@/components/try/ttfc-figure";

/** Whether a figure meets its target, in words a screen reader says too. */
export function Verdict({ met }: { met: boolean }) {
  return met ? (
    <span className="text-emerald-800 dark:text-emerald-300">meets the target</span>
  ) : (
    <span className="font-medium text-amber-800 dark:text-amber-300">over the target</span>
  );
}

export interface PercentileRow {
  slug: string;
  name: string;
  p50Seconds: number;
  p90Seconds: number;
  /** How many the figures are over: people, versions. */
  count: number;
}

/** A duration SLO by service: median, 90th percentile against its target, and what it is measured over. */
export function PercentileTable({
  label,
  countHeading,
  rows,
  targetSeconds,
}: {
  label: string;
  countHeading: string;
  rows: PercentileRow[];
  targetSeconds: number;
}) {
  return (
    <table className="w-full text-sm" aria-label={label}>
      <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 font-medium">Service</th>
          <th className="font-medium">Median</th>
          <th className="font-medium">90th percentile</th>
          <th className="font-medium">{countHeading}</th>
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
            <td className="tabular-nums">
              {formatDuration(row.p90Seconds)} (<Verdict met={row.p90Seconds <= targetSeconds} />)
            </td>
            <td className="tabular-nums">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
