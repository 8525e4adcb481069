import Link from "@/components/portal-link";

/** Whether a figure meets its target, in words a screen reader says too. */
export function Verdict({ met }: { met: boolean }) {
  return met ? (
    <span className="text-emerald-800 dark:text-emerald-300">meets the target</span>
  ) : (
    <span className="font-medium text-amber-800 dark:text-amber-300">over the target</span>
  );
}

export interface SloRow {
  slug: string;
  name: string;
  count: number;
  p50: number;
  p90: number;
  mean: number;
  met: boolean;
}

/**
 * One SLO by service or by team: for a time, the median and the 90th percentile held to the target;
 * for defects, the mean per release; and how many measurements each is over.
 */
export function SloTable({
  label,
  entity,
  countHeading,
  rows,
  statistic,
  format,
}: {
  label: string;
  entity: "service" | "team";
  countHeading: string;
  rows: SloRow[];
  statistic: "p90" | "mean";
  format: (value: number) => string;
}) {
  return (
    <table className="w-full text-sm" aria-label={label}>
      <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 font-medium">{entity === "service" ? "Service" : "Team"}</th>
          {statistic === "p90" ? (
            <>
              <th className="font-medium">Median</th>
              <th className="font-medium">90th percentile</th>
            </>
          ) : (
            <th className="font-medium">Per release</th>
          )}
          <th className="font-medium">{countHeading}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.slug} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1.5">
              <Link href={`/${entity === "service" ? "services" : "teams"}/${row.slug}`} className="text-teal-700 hover:underline dark:text-teal-400">
                {row.name}
              </Link>
            </td>
            {statistic === "p90" && <td className="tabular-nums">{format(row.p50)}</td>}
            <td className="tabular-nums">
              {format(row[statistic])} (<Verdict met={row.met} />)
            </td>
            <td className="tabular-nums">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
