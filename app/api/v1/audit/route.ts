import { auditFiltersSchema, listAudit } from "@/lib/audit/list-audit";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async (request, _params, { actor }) => {
  assert(isAdmin(actor), actor, "read the portal-wide audit log");
  const filters = auditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: await listAudit(await getDb(), filters, actor) });
});
