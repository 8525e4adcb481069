/** How far away a sunset day is, in words a reader can act on. */
function inDays(day: string): string {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.now()) / 86_400_000);
  return days < 0 ? `${-days} day${days === -1 ? "" : "s"} ago` : days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`;
}

/** Up to this many deprecated operations are listed open; more are folded behind their count. */
const COLLAPSE_ABOVE = 5;

/** A deprecated service, and the deprecated operations of the version shown, with their sunset dates. */
export function DeprecationBanner({
  deprecated,
  sunsetDate,
  operations,
}: {
  deprecated: boolean;
  sunsetDate: string | null;
  operations: { operation: string; sunset: string | null }[];
}) {
  if (!deprecated && !sunsetDate && operations.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="Deprecation"
      className="min-w-0 space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      {(deprecated || sunsetDate) && (
        <p className="font-medium">
          This service is deprecated
          {sunsetDate ? (
            <>
              {" "}
              and goes away on <time dateTime={sunsetDate}>{sunsetDate}</time> ({inDays(sunsetDate)}).
            </>
          ) : (
            "; no sunset date is set."
          )}{" "}
          Plan your move.
        </p>
      )}
      {operations.length > 0 && (
        // Folded when long (a large API deprecates dozens): the service's page must not start with a wall.
        <details open={operations.length <= COLLAPSE_ABOVE} data-testid="deprecated-operations">
          <summary className="cursor-pointer font-medium">Deprecated operations in this version ({operations.length})</summary>
          <ul className="mt-1 list-inside list-disc">
            {operations.map((entry) => (
              <li key={entry.operation} className="[overflow-wrap:anywhere]">
                <code className="[overflow-wrap:anywhere]">{entry.operation}</code>{" "}
                {entry.sunset ? (
                  <>
                    goes away on <time dateTime={entry.sunset}>{entry.sunset}</time> ({inDays(entry.sunset)})
                  </>
                ) : (
                  "has no sunset date"
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
