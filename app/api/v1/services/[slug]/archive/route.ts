import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { archiveService } from "@/lib/services/archive-service";
import { getService } from "@/lib/services/get-service";

export const POST = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  const db = await getDb();
  await archiveService(db, { actor, slug });
  return Response.json(await getService(db, slug, { reader: actor }));
});
