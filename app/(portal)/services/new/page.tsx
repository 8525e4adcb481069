import type { Metadata } from "next";
import { ServiceForm } from "@/components/services/service-form";
import { getDb } from "@/lib/platform/db/database";
import { signedInActor } from "@/lib/auth/reader-actor";
import { listTeamChoices } from "@/lib/teams/list-team-choices";

export const metadata: Metadata = { title: "Register a service" };

export default async function NewServicePage() {
  const actor = await signedInActor("/services/new");
  const teams = await listTeamChoices(await getDb(), actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Register a service</h1>
      {teams.some((team) => team.assignable) ? (
        <ServiceForm mode="create" teams={teams} />
      ) : (
        <p className="text-slate-600 dark:text-slate-400">
          A service is owned by a team, and you do not belong to any yet. Ask a maintainer of your team to add you on its team page.
        </p>
      )}
    </div>
  );
}
