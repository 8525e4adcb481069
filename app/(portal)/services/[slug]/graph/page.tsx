import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { GraphView } from "@/components/consumers/graph-view";
import { readerActor } from "@/lib/auth/reader-actor";
import { serviceGraph } from "@/lib/consumers/service-graph";
import { getDb } from "@/lib/platform/db/database";
import { orNotFound } from "@/lib/platform/http/or-not-found";

export const metadata: Metadata = { title: "Dependency graph" };

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One service's neighbourhood: who consumes it, what it consumes, one or two steps out. */
export default async function ServiceGraphPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const depth = (await searchParams).depth === "2" ? 2 : 1;
  const actor = await readerActor(`/services/${slug}/graph`);
  const db = await getDb();
  const graph = await orNotFound(serviceGraph(db, { actor, focus: { service: slug }, depth }));
  const name = graph.nodes.find((node) => node.slug === slug)?.name ?? slug;
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/services/${slug}`} className="hover:underline">
          {name}
        </Link>{" "}
        / dependency graph
      </nav>
      <h1 className="text-2xl font-semibold">Dependencies of {name}</h1>
      <GraphView graph={graph} depth={depth} basePath={`/services/${slug}/graph`} label={`Dependency graph of ${name}`} />
    </div>
  );
}
