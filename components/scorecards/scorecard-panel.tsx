import Link from "@/components/portal-link";
import type { ScorecardView } from "@/lib/scorecards/get-scorecard";

/** A service's level, each level's checks, and what it lacks for the next one. */
export function ScorecardPanel({ scorecard }: { scorecard: ScorecardView }) {
  return (
    <div data-testid="scorecard">
      <h3 className="mb-1 font-semibold">
        Scorecard:{" "}
        <Link href="/scorecards" className="text-teal-700 underline underline-offset-2 dark:text-teal-400">
          {scorecard.level ?? "no level yet"}
        </Link>
      </h3>
      {scorecard.next ? (
        <div data-testid="scorecard-next">
          <p className="text-xs text-slate-700 dark:text-slate-300">For {scorecard.next.name}, it lacks:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-slate-700 dark:text-slate-300">
            {scorecard.next.missing.map((check) => (
              <li key={check.id}>
                <span className="font-medium">{check.id}</span>: {check.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-slate-700 dark:text-slate-300">The highest level: every check passes.</p>
      )}
    </div>
  );
}
