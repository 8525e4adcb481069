import { getDb } from "@/lib/db";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { getService } from "@/lib/services/get-service";
import { serviceTransferSchema } from "@/lib/services/service-input";
import { transferService } from "@/lib/services/transfer-service";

export const POST = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const transfer = serviceTransferSchema.parse(await readJson(request));
  const db = await getDb();
  await transferService(db, { actor, slug, transfer });
  return Response.json(await getService(db, slug));
});
