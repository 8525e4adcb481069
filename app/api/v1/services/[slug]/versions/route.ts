import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listVersions } from "@/lib/versions/list-versions";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }) => Response.json({ items: await listVersions(await getDb(), slug) }));
