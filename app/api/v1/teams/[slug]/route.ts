import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { getTeam } from "@/lib/teams/get-team";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }) => Response.json(await getTeam(await getDb(), slug)));
