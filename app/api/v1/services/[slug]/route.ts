import { assert } from "@/lib/auth/permissions";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { getService } from "@/lib/services/get-service";
import { updateService } from "@/lib/services/update-service";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => Response.json(await getService(await getDb(), slug, { reader: actor })));

export const PATCH = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read: a refused caller learns nothing about the input rules.
  assert(await canActorEditService(db, actor, slug), actor, `edit the service "${slug}"`);
  const changes = await readBody(operations.updateService, request);
  await updateService(db, { actor, slug, changes });
  return Response.json(await getService(db, slug, { reader: actor }));
});
