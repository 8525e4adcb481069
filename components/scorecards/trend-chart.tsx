/** Colours per level, highest first; "none" last. Each is ≥ 3:1 against both themes' backgrounds. */
const FILLS = ["#7c3aed", "#0f766e", "#2563eb", "#b45309", "#64748b"];

/**
 * The distribution of levels per day as stacked bars, in SVG with a text alternative: a table the
 * chart summarises follows it (screen readers get the figures, not the shapes).
 */
export function TrendChart({ trend, order }: { trend: { day: string; counts: number[] }[]; order: string[] }) {
  const width = 720;
  const height = 200;
  const max = Math.max(1, ...trend.map((point) => point.counts.reduce((sum, count) => sum + count, 0)));
  const bar = trend.length ? Math.max(2, Math.min(40, (width - 40) / trend.length - 2)) : 0;
  const fill = (index: number) => (index === order.length - 1 ? FILLS[FILLS.length - 1]! : FILLS[index % (FILLS.length - 1)]!);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label="Services per level, per day" className="w-full max-w-3xl">
        {trend.map((point, column) => {
          let y = height;
          return (
            <g key={point.day}>
              {point.counts.map((count, index) => {
                const h = (count / max) * (height - 10);
                y -= h;
                return <rect key={order[index]} x={30 + column * (bar + 2)} y={y} width={bar} height={h} fill={fill(index)} />;
              })}
            </g>
          );
        })}
        <text x="0" y="12" className="fill-slate-700 text-[10px] dark:fill-slate-300">
          {max}
        </text>
        <text x="0" y={height} className="fill-slate-700 text-[10px] dark:fill-slate-300">
          0
        </text>
        {trend.length > 0 && (
          <text x="30" y={height + 16} className="fill-slate-700 text-[10px] dark:fill-slate-300">
            {trend[0]!.day}
          </text>
        )}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-700 dark:text-slate-300">
        {order.map((name, index) => (
          <span key={name} className="flex items-center gap-1">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: fill(index) }} />
            {name === "none" ? "No level" : name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
