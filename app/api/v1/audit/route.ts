import { operations } from "@/lib/api/contract/operations";
import { listAudit } from "@/lib/audit/list-audit";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.listAuditEntries, async ({ actor, query, reply }) => {
  assert(isAdmin(actor), actor, "read the portal-wide audit log");
  return reply({ items: await listAudit(await getDb(), query, actor) });
});
