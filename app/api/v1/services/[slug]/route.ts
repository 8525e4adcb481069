import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getService } from "@/lib/services/get-service";
import { updateService } from "@/lib/services/update-service";

export const GET = defineRoute(operations.getService, async ({ actor, params: { slug }, reply }) =>
  reply(await getService(await getDb(), slug, { reader: actor })),
);

export const PATCH = defineRoute(operations.updateService, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read: a refused caller learns nothing about the input rules.
  assert(await canActorEditService(db, actor, slug), actor, `edit the service "${slug}"`);
  await updateService(db, { actor, slug, changes: await body() });
  return reply(await getService(db, slug, { reader: actor }));
});
