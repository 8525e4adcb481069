import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getService } from "@/lib/services/get-service";
import { transferService } from "@/lib/services/transfer-service";

export const POST = defineRoute(operations.transferService, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read: a refused caller learns nothing about the input rules.
  assert(await canActorEditService(db, actor, slug), actor, `transfer the service "${slug}"`);
  await transferService(db, { actor, slug, transfer: await body() });
  return reply(await getService(db, slug, { reader: actor }));
});
