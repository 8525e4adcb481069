import type { Metadata } from "next";
import Link from "next/link";
import { ServiceTable } from "@/components/services/service-table";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { getTeam } from "@/lib/teams/get-team";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const team = await getTeam(await getDb(), slug).catch(() => null);
  return { title: team?.name ?? "Team" };
}

export default async function TeamPage({ params }: { params: Params }) {
  const { slug } = await params;
  const team = await orNotFound(getTeam(await getDb(), slug));
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/teams" className="hover:underline">Teams</Link> / <span>{team.slug}</span>
      </nav>
      <h1 className="text-2xl font-semibold">{team.name}</h1>
      <p className="text-slate-700 dark:text-slate-300">{team.description}</p>
      <dl className="flex gap-6 text-sm">
        {team.chatChannel && (<div><dt className="inline font-medium">Chat: </dt><dd className="inline">{team.chatChannel}</dd></div>)}
        {team.email && (<div><dt className="inline font-medium">Email: </dt><dd className="inline"><a href={`mailto:${team.email}`} className="text-teal-700 hover:underline dark:text-teal-400">{team.email}</a></dd></div>)}
      </dl>
      <h2 className="text-lg font-semibold">Services ({team.services.length})</h2>
      {team.services.length ? <ServiceTable services={team.services} /> : <p className="text-sm text-slate-500">This team owns no services yet.</p>}
    </div>
  );
}
