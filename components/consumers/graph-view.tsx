import Link from "@/components/portal-link";
import { layoutGraph } from "@/lib/consumers/layout-graph";
import type { ServiceGraph } from "@/lib/consumers/service-graph";
import { DependencyGraph } from "./dependency-graph";

/**
 * A dependency graph page's body: the depth switch, the drawing, and the same edges as a table (what a
 * screen reader or a keyboard user reads; the drawing is for the eye).
 */
export function GraphView({ graph, depth, basePath, label }: { graph: ServiceGraph; depth: 1 | 2; basePath: string; label: string }) {
  const names = new Map(graph.nodes.map((node) => [node.slug, node.name]));
  return (
    <div className="space-y-4">
      <nav aria-label="Graph depth" className="flex items-center gap-3 text-sm">
        <span>Show:</span>
        {([1, 2] as const).map((value) => (
          <Link
            key={value}
            href={`${basePath}?depth=${value}`}
            aria-current={value === depth ? "page" : undefined}
            className={`inline-flex min-h-6 items-center rounded px-2 ${value === depth ? "font-semibold underline" : "text-teal-700 hover:underline dark:text-teal-400"}`}
          >
            {value === 1 ? "1 step" : "2 steps"}
          </Link>
        ))}
        <span className="text-slate-600 dark:text-slate-400">
          {graph.nodes.length} services, {graph.edges.length} dependencies
        </span>
      </nav>
      {graph.truncated && (
        <p role="status" className="text-sm text-amber-900 dark:text-amber-300">
          More services are within reach than a graph can show readably: the nearest {graph.nodes.length} are drawn. Open a neighbour to see its own
          neighbourhood.
        </p>
      )}
      {graph.edges.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No dependency is declared or was seen here yet.</p>
      ) : (
        <DependencyGraph graph={graph} placed={layoutGraph(graph)} label={label} />
      )}
      {graph.edges.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Dependencies, as rows</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3">
                Consumer
              </th>
              <th scope="col" className="py-1 pr-3">
                Consumes
              </th>
              <th scope="col" className="py-1 pr-3">
                Operations
              </th>
              <th scope="col" className="py-1">
                Evidence
              </th>
            </tr>
          </thead>
          <tbody>
            {graph.edges.map((edge) => (
              <tr key={`${edge.consumer}>${edge.provider}`} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-3">
                  <Link href={`/services/${edge.consumer}`} className="text-teal-800 hover:underline dark:text-teal-300">
                    {names.get(edge.consumer)}
                  </Link>
                </td>
                <td className="py-1 pr-3">
                  <Link href={`/services/${edge.provider}`} className="text-teal-800 hover:underline dark:text-teal-300">
                    {names.get(edge.provider)}
                  </Link>
                </td>
                <td className="py-1 pr-3">{edge.operations === "all" ? "whole API" : edge.operations}</td>
                <td className="py-1">{edge.evidence.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
