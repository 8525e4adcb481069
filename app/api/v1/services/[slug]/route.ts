import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { getService } from "@/lib/services/get-service";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }) => Response.json(await getService(await getDb(), slug)));
