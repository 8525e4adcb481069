import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { GraphView } from "@/components/consumers/graph-view";
import { readerActor } from "@/lib/auth/reader-actor";
import { serviceGraph } from "@/lib/consumers/service-graph";
import { getDb } from "@/lib/platform/db/database";
import { orNotFound } from "@/lib/platform/http/or-not-found";
import { getTeam } from "@/lib/teams/get-team";

export const metadata: Metadata = { title: "Team dependency graph" };

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A team's services with what they consume and who consumes them. */
export default async function TeamGraphPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const depth = (await searchParams).depth === "2" ? 2 : 1;
  const actor = await readerActor(`/teams/${slug}/graph`);
  const db = await getDb();
  const team = await orNotFound(getTeam(db, slug));
  const graph = await serviceGraph(db, { actor, focus: { team: slug }, depth });
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/teams/${slug}`} className="hover:underline">
          {team.name}
        </Link>{" "}
        / dependency graph
      </nav>
      <h1 className="text-2xl font-semibold">Dependencies of {team.name}&apos;s services</h1>
      <GraphView graph={graph} depth={depth} basePath={`/teams/${slug}/graph`} label={`Dependency graph of ${team.name}'s services`} />
    </div>
  );
}
