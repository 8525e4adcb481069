import { auditFiltersSchema, listAudit } from "@/lib/audit/list-audit";
import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { getService } from "@/lib/services/get-service";

export const GET = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  await getService(db, slug);
  const query = operations.getServiceHistory.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filters = auditFiltersSchema.parse({ ...query, service: slug });
  return Response.json({ items: await listAudit(db, filters, actor) });
});
