import type { Metadata } from "next";
import { TeamForm } from "@/components/teams/team-form";
import { authSettings } from "@/lib/auth/auth-settings";
import { canCreateTeam } from "@/lib/auth/permissions";
import { signedInActor } from "@/lib/auth/reader-actor";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  const actor = await signedInActor("/teams/new");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Create a team</h1>
      {canCreateTeam(actor, authSettings().openTeams) ? <TeamForm /> : <p>Only admins create teams on this portal. Ask one of them.</p>}
    </div>
  );
}
