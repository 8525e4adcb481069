import { assert } from "@/lib/auth/permissions";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { getService } from "@/lib/services/get-service";
import { transferService } from "@/lib/services/transfer-service";

export const POST = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read: a refused caller learns nothing about the input rules.
  assert(await canActorEditService(db, actor, slug), actor, `transfer the service "${slug}"`);
  const transfer = await readBody(operations.transferService, request);
  await transferService(db, { actor, slug, transfer });
  return Response.json(await getService(db, slug, { reader: actor }));
});
