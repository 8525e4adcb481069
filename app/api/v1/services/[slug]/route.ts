import { getDb } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { getService } from "@/lib/services/get-service";
import { serviceUpdateSchema } from "@/lib/services/service-input";
import { updateService } from "@/lib/services/update-service";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }) => Response.json(await getService(await getDb(), slug)));

export const PATCH = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const changes = serviceUpdateSchema.parse(await readJson(request));
  const db = await getDb();
  await updateService(db, { actor, slug, changes });
  return Response.json(await getService(db, slug));
});
