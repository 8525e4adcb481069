import Link from "@/components/portal-link";
import { Badge } from "@/components/ui/badge";
import type { listNeighbours, NeighbourView } from "@/lib/consumers/list-consumers";
import type { listUnusedOperations } from "@/lib/consumers/unused-operations";

type Unused = Awaited<ReturnType<typeof listUnusedOperations>>;
type Neighbours = Awaited<ReturnType<typeof listNeighbours>>;

/** How many of each side the service page lists; the graph and the API have the rest. */
export const SHOWN_NEIGHBOURS = 50;

/** What one neighbour uses, in words: "2 operations, ^1" or "whole API", and when it was last seen calling. */
function Usage({ neighbour }: { neighbour: NeighbourView }) {
  const { declared, observed } = neighbour;
  const parts: string[] = [];
  if (declared) {
    parts.push(declared.operations.length ? `${declared.operations.length} operation${declared.operations.length === 1 ? "" : "s"}` : "whole API");
    if (declared.versions !== "*") parts.push(`versions ${declared.versions}`);
  }
  const lastSeen = observed
    .map((use) => use.lastSeenAt)
    .sort()
    .at(-1);
  return (
    <span className="text-slate-600 dark:text-slate-400">
      {parts.join(", ")}
      {declared && <Badge tone="blue">declared</Badge>}
      {lastSeen && (
        <Badge tone="green" title={`${observed.length} operation${observed.length === 1 ? "" : "s"} called`}>
          seen {lastSeen.slice(0, 10)}
        </Badge>
      )}
    </span>
  );
}

function NeighbourList({ label, neighbours: { items: neighbours, total }, empty }: { label: string; neighbours: Neighbours; empty: string }) {
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">
        {label} ({total})
      </h3>
      {total === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul aria-label={label} className="space-y-1 text-sm">
          {neighbours.map((neighbour) => (
            <li key={neighbour.service.slug} className="flex flex-wrap items-center gap-2 break-words">
              <Link href={`/services/${neighbour.service.slug}`} className="font-medium text-teal-800 hover:underline dark:text-teal-300">
                {neighbour.service.name}
              </Link>
              {neighbour.service.teams[0] && <span className="text-xs text-slate-600 dark:text-slate-400">{neighbour.service.teams[0].name}</span>}
              <Usage neighbour={neighbour} />
            </li>
          ))}
          {total > neighbours.length && <li className="text-xs">… and {total - neighbours.length} more (see the graph or the API).</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * A service's place among the others: who consumes it (declared, or seen calling in 90 days), what it
 * consumes, a link to the graph, and the operations nobody uses (candidates for deprecation).
 */
export function DependencySection({
  slug,
  consumers,
  dependencies,
  unused,
}: {
  slug: string;
  consumers: Neighbours;
  dependencies: Neighbours;
  unused: Unused;
}) {
  return (
    <section aria-labelledby="dependencies" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="dependencies" className="text-xl font-semibold">
          Consumers and dependencies
        </h2>
        <Link href={`/services/${slug}/graph`} className="text-sm text-teal-700 hover:underline dark:text-teal-400">
          Dependency graph
        </Link>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <NeighbourList label="Consumed by" neighbours={consumers} empty="No service declares it consumes this one, and none was seen calling it." />
        <NeighbourList label="Consumes" neighbours={dependencies} empty="It declares no API it consumes." />
      </div>
      {unused.operations.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">
            Unused operations ({unused.operations.length}): no consumer declares them or was seen calling them in {unused.windowDays} days
          </summary>
          {unused.wholeApiConsumers > 0 && (
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              {unused.wholeApiConsumers} consumer{unused.wholeApiConsumers === 1 ? "" : "s"} declared the whole API and may use them: ask before deprecating.
            </p>
          )}
          <ul aria-label="Unused operations" className="mt-1 space-y-0.5 font-mono text-xs break-all">
            {unused.operations.slice(0, 200).map((operation) => (
              <li key={operation.operation}>
                {operation.operation}
                {operation.deprecated ? " (deprecated)" : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
