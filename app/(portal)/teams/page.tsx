import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { authSettings } from "@/lib/auth/auth-settings";
import { canCreateTeam } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { readerActor } from "@/lib/auth/reader-actor";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const actor = await readerActor("/teams");
  const teams = await listTeams(await getDb());
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Teams</h1>
        {canCreateTeam(actor, authSettings().openTeams) && (
          <Link href="/teams/new" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
            Create a team
          </Link>
        )}
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {teams.map((team) => (
          <li key={team.slug} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <Link href={`/teams/${team.slug}`} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
              {team.name}
            </Link>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{team.description}</p>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              {team.serviceCount} {team.serviceCount === 1 ? "service" : "services"} ({team.primaryServiceCount} as primary owner)
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
