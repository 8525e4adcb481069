import { assert } from "@/lib/auth/permissions";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { getSource } from "@/lib/sources/get-source";
import { refreshSource } from "@/lib/sources/refresh-source";
import { removeSource, setSource } from "@/lib/sources/set-source";

export const GET = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) =>
  Response.json({ source: await getSource(await getDb(), { actor, slug }) }),
);

/** Sets the URL and fetches it at once; the answer carries the first fetch's outcome. */
export const PUT = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const db = await getDb();
  // 404, then 401/403, before the body is read: a refused caller learns nothing about the input rules.
  assert(await canActorEditService(db, actor, slug), actor, `set the document URL of "${slug}"`);
  const input = await readBody(operations.setServiceSource, request);
  const source = await setSource(db, { actor, slug, input });
  const refresh = await refreshSource(db, source.id, actor);
  return Response.json({ refresh, source: await getSource(db, { actor, slug }) });
});

export const DELETE = apiRoute<{ slug: string }>(async (_request, { slug }, { actor }) => {
  await removeSource(await getDb(), { actor, slug });
  return new Response(null, { status: 204 });
});
