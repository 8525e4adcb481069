import { operations } from "@/lib/api/contract/operations";
import { myTeamIds } from "@/lib/auth/my-team-ids";
import { assert, mayRegisterAnyService } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { createService } from "@/lib/services/create-service";
import { getService } from "@/lib/services/get-service";
import { listServices } from "@/lib/services/list-services";
import { refreshSource } from "@/lib/sources/refresh-source";
import { setSource } from "@/lib/sources/set-source";

export const GET = defineRoute(operations.listServices, async ({ actor, query, reply }) =>
  reply(await listServices(await getDb(), query, { myTeamIds: query.mine ? myTeamIds(actor) : [] })),
);

/** Registers a service; with a `documentUrl`, sets it as the service's source and fetches it at once. */
export const POST = defineRoute(operations.createService, async ({ actor, body, reply }) => {
  // 401/403 before the body is read: only people in a team (or admins) and team-wide tokens register services.
  assert(mayRegisterAnyService(actor), actor, "register services");
  const input = await body();
  const db = await getDb();
  const created = await createService(db, { actor, input });
  if (input.documentUrl) {
    const source = await setSource(db, { actor, slug: created.slug, input: { url: input.documentUrl } });
    await refreshSource(db, source.id, actor);
  }
  return reply(await getService(db, created.slug, { reader: actor }), { status: 201, headers: { Location: `/api/v1/services/${created.slug}` } });
});
