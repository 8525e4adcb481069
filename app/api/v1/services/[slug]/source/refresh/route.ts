import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getSource } from "@/lib/sources/get-source";
import { refreshSource } from "@/lib/sources/refresh-source";

/** "Refresh now": fetches the URL source at once. */
export const POST = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  const db = await getDb();
  const service = await db.service.findUnique({ where: { slug }, select: { source: { select: { id: true } } } });
  if (!service) throw notFound(`Service "${slug}"`);
  assert(await canActorEditService(db, actor, slug), actor, `refresh the document of "${slug}"`);
  if (!service.source) throw notFound(`A document URL for "${slug}"`);
  const refresh = await refreshSource(db, service.source.id, actor);
  return Response.json({ refresh, source: await getSource(db, slug) });
});
