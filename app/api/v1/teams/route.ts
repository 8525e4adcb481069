import { authSettings } from "@/lib/auth";
import { assert, canCreateTeam } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { createTeam } from "@/lib/teams/create-team";
import { getTeam } from "@/lib/teams/get-team";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = apiRoute(async () => Response.json({ items: await listTeams(await getDb()) }));

export const POST = apiRoute(async (request, _params, { actor }) => {
  // 401/403 before the body is read.
  assert(canCreateTeam(actor, authSettings().openTeams), actor, "create teams");
  const input = await readBody(operations.createTeam, request);
  const db = await getDb();
  const team = await createTeam(db, { actor, input, openTeams: authSettings().openTeams });
  return Response.json(await getTeam(db, team.slug), { status: 201, headers: { Location: `/api/v1/teams/${team.slug}` } });
});
