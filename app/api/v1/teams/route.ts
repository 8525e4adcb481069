import { authSettings } from "@/lib/auth";
import { assert, canCreateTeam } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { createTeam } from "@/lib/teams/create-team";
import { getTeam } from "@/lib/teams/get-team";
import { listTeams } from "@/lib/teams/list-teams";
import { teamInputSchema } from "@/lib/teams/team-input";

export const GET = apiRoute(async () => Response.json({ items: await listTeams(await getDb()) }));

export const POST = apiRoute(async (request, _params, { actor }) => {
  // 401/403 before the body is read.
  assert(canCreateTeam(actor, authSettings().openTeams), actor, "create teams");
  const input = teamInputSchema.parse(await readJson(request));
  const db = await getDb();
  const team = await createTeam(db, { actor, input, openTeams: authSettings().openTeams });
  return Response.json(await getTeam(db, team.slug), { status: 201, headers: { Location: `/api/v1/teams/${team.slug}` } });
});
