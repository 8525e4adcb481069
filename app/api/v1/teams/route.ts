import { operations } from "@/lib/api/contract/operations";
import { authSettings } from "@/lib/auth/auth-settings";
import { assert, canCreateTeam } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { createTeam } from "@/lib/teams/create-team";
import { getTeam } from "@/lib/teams/get-team";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = defineRoute(operations.listTeams, async ({ reply }) => reply({ items: await listTeams(await getDb()) }));

export const POST = defineRoute(operations.createTeam, async ({ actor, body, reply }) => {
  // 401/403 before the body is read.
  assert(canCreateTeam(actor, authSettings().openTeams), actor, "create teams");
  const input = await body();
  const db = await getDb();
  const team = await createTeam(db, { actor, input, openTeams: authSettings().openTeams });
  return reply(await getTeam(db, team.slug), { status: 201, headers: { Location: `/api/v1/teams/${team.slug}` } });
});
