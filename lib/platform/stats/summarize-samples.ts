/** One measurement of a DX-SLO: when it was taken, for which service, and its value (seconds or a count). */
export interface Sample {
  serviceId: string;
  at: Date;
  value: number;
}

/** A set of samples in four numbers: how many, their median, 90th percentile and mean. */
export interface Figure {
  count: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface TrendPoint {
  /** The first day (YYYY-MM-DD, UTC) of the week the figure covers. */
  weekStart: string;
  figure: Figure | null;
}

export interface Summary {
  company: Figure | null;
  byService: Map<string, Figure>;
  /** By team id: the samples of every service the team owns (a service with two owners counts for both). */
  byTeam: Map<string, Figure>;
  /** Week by week over the window, oldest first; a week without samples is null. */
  trend: TrendPoint[];
}

const DAY = 86_400_000;

/** The `q` quantile of sorted values, interpolated between neighbours as PostgreSQL's percentile_cont does. */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function figureOf(values: number[]): Figure | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length };
}

function group<K>(samples: Sample[], keysOf: (sample: Sample) => K[]): Map<K, Figure> {
  const values = new Map<K, number[]>();
  for (const sample of samples)
    for (const key of keysOf(sample)) {
      const list = values.get(key);
      if (list) list.push(sample.value);
      else values.set(key, [sample.value]);
    }
  return new Map([...values].map(([key, list]) => [key, figureOf(list)!]));
}

/**
 * The company's, each service's and each team's figure over the samples of the last `windowDays`, and
 * a weekly trend (weeks counted back from `now`, so the last point is the last seven days). Pure, so
 * the four SLOs, the scorecard check and the REST answer aggregate alike.
 */
export function summarizeSamples(samples: Sample[], teamsOf: Map<string, string[]>, now: Date, windowDays: number): Summary {
  const since = now.getTime() - windowDays * DAY;
  const inWindow = samples.filter((sample) => sample.at.getTime() >= since && sample.at.getTime() <= now.getTime());
  const weeks = Math.ceil(windowDays / 7);
  const trend: TrendPoint[] = [];
  for (let week = weeks - 1; week >= 0; week--) {
    const end = now.getTime() - week * 7 * DAY;
    const start = end - 7 * DAY;
    const values = inWindow.filter((sample) => sample.at.getTime() > start && sample.at.getTime() <= end).map((sample) => sample.value);
    trend.push({ weekStart: new Date(start + 1).toISOString().slice(0, 10), figure: figureOf(values) });
  }
  return {
    company: figureOf(inWindow.map((sample) => sample.value)),
    byService: group(inWindow, (sample) => [sample.serviceId]),
    byTeam: group(inWindow, (sample) => teamsOf.get(sample.serviceId) ?? []),
    trend,
  };
}
