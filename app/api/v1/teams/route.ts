import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listTeams } from "@/lib/teams/list-teams";

export const GET = apiRoute(async () => Response.json({ items: await listTeams(await getDb()) }));
