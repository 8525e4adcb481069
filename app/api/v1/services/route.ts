import { myTeamIds } from "@/lib/auth/my-team-ids";
import { assert, mayRegisterAnyService } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError, issueDetails } from "@/lib/errors";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { createService } from "@/lib/services/create-service";
import { getService } from "@/lib/services/get-service";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersFromSearchParams } from "@/lib/services/service-filters";
import { refreshSource } from "@/lib/sources/refresh-source";
import { setSource } from "@/lib/sources/set-source";

export const GET = apiRoute(async (request, _params, { actor }) => {
  const filters = serviceFiltersFromSearchParams(new URL(request.url).searchParams);
  if (!filters.success) {
    const issue = filters.error.issues[0];
    throw new AppError("BAD_REQUEST", `Invalid query parameter ${issue?.path.join(".")}: ${issue?.message}`, issueDetails(filters.error.issues));
  }
  const teamIds = filters.data.mine ? myTeamIds(actor) : [];
  return Response.json(await listServices(await getDb(), filters.data, { myTeamIds: teamIds }));
});

/** Registers a service; with a `documentUrl`, sets it as the service's source and fetches it at once. */
export const POST = apiRoute(async (request, _params, { actor }) => {
  // 401/403 before the body is read: only people in a team (or admins) and team-wide tokens register services.
  assert(mayRegisterAnyService(actor), actor, "register services");
  const input = await readBody(operations.createService, request);
  const db = await getDb();
  const created = await createService(db, { actor, input });
  if (input.documentUrl) {
    const source = await setSource(db, { actor, slug: created.slug, input: { url: input.documentUrl } });
    await refreshSource(db, source.id, actor);
  }
  return Response.json(await getService(db, created.slug, { reader: actor }), { status: 201, headers: { Location: `/api/v1/services/${created.slug}` } });
});
