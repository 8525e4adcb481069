import { operations } from "@/lib/api/contract/operations";
import { listAudit } from "@/lib/audit/list-audit";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { getService } from "@/lib/services/get-service";

export const GET = defineRoute(operations.getServiceHistory, async ({ actor, params: { slug }, query, reply }) => {
  const db = await getDb();
  await getService(db, slug);
  return reply({ items: await listAudit(db, { ...query, service: slug }, actor) });
});
