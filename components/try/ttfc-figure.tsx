import type { TimeToFirstCall } from "@/lib/try-it/first-call/time-to-first-call";
import { TTFC_WINDOW_DAYS } from "@/lib/try-it/first-call/time-to-first-call";

/** Seconds as a person reads them: 45 s, 3.2 min, 1.5 h, 2.0 d. */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** A service's time to first successful call, as the service page shows it. */
export function TtfcFigure({ figure }: { figure: TimeToFirstCall | undefined }) {
  return (
    <div data-testid="ttfc">
      <h3 className="mb-1 font-semibold">Time to first call</h3>
      {figure ? (
        <p>
          Median <strong>{formatDuration(figure.p50Seconds)}</strong>, 90th percentile <strong>{formatDuration(figure.p90Seconds)}</strong>
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {figure.people} {figure.people === 1 ? "person" : "people"}, last {TTFC_WINDOW_DAYS} days: from first opening these docs to a first 2xx through Try
            it out.
          </span>
        </p>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">Nobody has made a first successful call in the last {TTFC_WINDOW_DAYS} days.</p>
      )}
    </div>
  );
}
