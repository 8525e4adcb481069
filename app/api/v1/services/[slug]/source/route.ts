import { operations } from "@/lib/api/contract/operations";
import { assert } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getSource } from "@/lib/sources/get-source";
import { refreshSource } from "@/lib/sources/refresh-source";
import { removeSource, setSource } from "@/lib/sources/set-source";

export const GET = defineRoute(operations.getServiceSource, async ({ actor, params: { slug }, reply }) =>
  reply({ source: await getSource(await getDb(), { actor, slug }) }),
);

/** Sets the URL and fetches it at once; the answer carries the first fetch's outcome. */
export const PUT = defineRoute(operations.setServiceSource, async ({ actor, params: { slug }, body, reply }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read: a refused caller learns nothing about the input rules.
  assert(await canActorEditService(db, actor, slug), actor, `set the document URL of "${slug}"`);
  const source = await setSource(db, { actor, slug, input: await body() });
  const refresh = await refreshSource(db, source.id, actor);
  return reply({ refresh, source: await getSource(db, { actor, slug }) });
});

export const DELETE = defineRoute(operations.removeServiceSource, async ({ actor, params: { slug } }) => {
  await removeSource(await getDb(), { actor, slug });
  return new Response(null, { status: 204 });
});
