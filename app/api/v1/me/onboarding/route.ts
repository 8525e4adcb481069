import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listTicks } from "@/lib/onboarding/onboarding-ticks";

export const GET = apiRoute(async (_request, _params, { actor }) => Response.json({ items: await listTicks(await getDb(), actor) }));
