import Link from "@/components/portal-link";
import type { Change, ChangeConsumer } from "@/lib/diff/diff-types";
import type { ConsumerTally } from "@/lib/diff/tally-consumers";

/** One consumer as a link, with what of it the change touches. */
function ConsumerLink({ consumer }: { consumer: ChangeConsumer }) {
  const what = consumer.operations.length
    ? `${consumer.operations.length} operation${consumer.operations.length === 1 ? "" : "s"}: ${consumer.operations.slice(0, 3).join(", ")}${consumer.operations.length > 3 ? ", …" : ""}`
    : "whole API";
  const seen = consumer.evidence.includes("observed") ? `, seen ${consumer.lastSeenAt?.slice(0, 10) ?? ""}` : "";
  return (
    <span>
      <Link href={`/services/${consumer.service.slug}`} className="font-medium text-teal-800 hover:underline dark:text-teal-300">
        {consumer.service.name}
      </Link>{" "}
      ({what}
      {seen})
    </span>
  );
}

/** Under one change: whom it breaks ("breaks 2 consumers: …"), or that it touches no known consumer. */
export function ChangeConsumers({ change }: { change: Change }) {
  if (change.level === "info" || change.consumers === undefined) return null;
  if (!change.consumers.length)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400" data-consumers="0">
        Touches no known consumer.
      </p>
    );
  return (
    <p className="text-xs break-words" data-consumers={change.consumers.length}>
      {change.level === "breaking" ? "Breaks" : "May break"} {change.consumers.length} consumer{change.consumers.length === 1 ? "" : "s"}:{" "}
      {change.consumers.slice(0, 8).map((consumer, index) => (
        <span key={consumer.service.slug}>
          {index ? ", " : ""}
          <ConsumerLink consumer={consumer} />
        </span>
      ))}
      {change.consumers.length > 8 ? `, and ${change.consumers.length - 8} more` : ""}
    </p>
  );
}

/**
 * Above a version's changes: the consumers its breaking (and potentially breaking) changes touch, each
 * with how many of those changes touch it; or that none does. Nothing when consumers were not looked up.
 */
export function ImpactSummary({ tally }: { tally: ConsumerTally[] | null }) {
  if (!tally) return null;
  const breaks = tally.filter((entry) => entry.breaking).length;
  return (
    <div
      role="status"
      className={`rounded-md border px-3 py-2 text-sm break-words ${breaks ? "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950" : "border-slate-200 dark:border-slate-800"}`}
      data-impact={tally.length}
    >
      {tally.length ? (
        <>
          <strong>
            {breaks ? `Breaks ${breaks} consumer${breaks === 1 ? "" : "s"}` : "Breaks no consumer"}
            {tally.length > breaks ? `, may break ${tally.length - breaks} more` : ""}
          </strong>
          :{" "}
          {tally.map(({ service, teams, breaking, warning }, index) => (
            <span key={service.slug}>
              {index ? ", " : ""}
              <Link href={`/services/${service.slug}`} className="font-medium text-teal-800 hover:underline dark:text-teal-300">
                {service.name}
              </Link>{" "}
              ({[breaking ? `${breaking} breaking` : "", warning ? `${warning} potentially breaking` : ""].filter(Boolean).join(", ")}
              {teams[0] ? `; ${teams[0].name}` : ""})
            </span>
          ))}
        </>
      ) : (
        <>
          <strong>Touches no known consumer.</strong> No service declares or was seen using what these changes touch.
        </>
      )}
    </div>
  );
}
