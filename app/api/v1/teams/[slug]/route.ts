import { getDb } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { getTeam } from "@/lib/teams/get-team";
import { teamUpdateSchema } from "@/lib/teams/team-input";
import { updateTeam } from "@/lib/teams/update-team";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }) => Response.json(await getTeam(await getDb(), slug)));

export const PATCH = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const changes = teamUpdateSchema.parse(await readJson(request));
  const db = await getDb();
  await updateTeam(db, { actor, slug, changes });
  return Response.json(await getTeam(db, slug));
});
