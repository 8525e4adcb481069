import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { describeActor } from "@/lib/auth/describe-actor";

export const GET = apiRoute(async (_request, _params, { actor }) => Response.json(await describeActor(await getDb(), actor)));
