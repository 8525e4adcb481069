/** One week of an SLO: its statistic, or null when nothing was measured that week. */
export interface TrendPoint {
  weekStart: string;
  count: number;
  value: number | null;
}

const WIDTH = 600;
const HEIGHT = 120;
const PAD = { top: 8, right: 8, bottom: 18, left: 8 };

/**
 * A 90-day trend as a line of weekly figures against the target's dashed line, drawn on the server as
 * SVG (no chart library for one line). Screen readers get the summary as the figure's name and every
 * week in the table below it.
 */
export function TrendChart({ label, points, target, format }: { label: string; points: TrendPoint[]; target: number; format: (value: number) => string }) {
  const measured = points.filter((point): point is TrendPoint & { value: number } => point.value !== null);
  const top = Math.max(target, ...measured.map((point) => point.value)) * 1.1 || 1;
  const x = (index: number) => PAD.left + (index * (WIDTH - PAD.left - PAD.right)) / Math.max(1, points.length - 1);
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  // A gap in the line where a week had no measurement, rather than a line drawn across it.
  const segments: string[][] = [[]];
  points.forEach((point, index) => {
    if (point.value === null) segments.push([]);
    else segments.at(-1)!.push(`${x(index).toFixed(1)},${y(point.value).toFixed(1)}`);
  });
  const last = measured.at(-1);
  const summary = measured.length
    ? `${label}, week by week over ${points.length} weeks: ${measured.length} weeks measured, latest ${format(last!.value)} (week of ${last!.weekStart}); target ${format(target)}.`
    : `${label}: nothing measured in the last ${points.length} weeks.`;
  return (
    <figure className="max-w-3xl">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-28 w-full" role="img" aria-label={summary}>
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={y(target)}
          y2={y(target)}
          className="stroke-amber-600 dark:stroke-amber-400"
          strokeDasharray="4 4"
          strokeWidth={1}
        />
        <text x={WIDTH - PAD.right} y={y(target) - 3} textAnchor="end" className="fill-amber-800 text-[10px] dark:fill-amber-300">
          target {format(target)}
        </text>
        {segments
          .filter((segment) => segment.length)
          .map((segment, index) => (
            <polyline key={index} points={segment.join(" ")} fill="none" strokeWidth={2} className="stroke-teal-700 dark:stroke-teal-400" />
          ))}
        {points.map((point, index) =>
          point.value === null ? null : (
            <circle key={point.weekStart} cx={x(index)} cy={y(point.value)} r={3} className="fill-teal-700 dark:fill-teal-400">
              <title>{`Week of ${point.weekStart}: ${format(point.value)} over ${point.count}`}</title>
            </circle>
          ),
        )}
        <text x={PAD.left} y={HEIGHT - 4} className="fill-slate-600 text-[10px] dark:fill-slate-400">
          {points[0]?.weekStart}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end" className="fill-slate-600 text-[10px] dark:fill-slate-400">
          {points.at(-1)?.weekStart}
        </text>
      </svg>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">{summary}</figcaption>
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Weekly figures</summary>
        <table className="mt-1 text-xs" aria-label={`${label} by week`}>
          <thead className="text-left text-slate-600 dark:text-slate-400">
            <tr>
              <th className="pr-4 font-medium">Week of</th>
              <th className="pr-4 font-medium">Figure</th>
              <th className="font-medium">Measured</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.weekStart}>
                <td className="pr-4 tabular-nums">{point.weekStart}</td>
                <td className="pr-4 tabular-nums">{point.value === null ? "—" : format(point.value)}</td>
                <td className="tabular-nums">{point.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
