import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { listServices } from "@/lib/services/list-services";
import { serviceFiltersFromSearchParams } from "@/lib/services/service-filters";

export const GET = apiRoute(async (request) => {
  const filters = serviceFiltersFromSearchParams(new URL(request.url).searchParams);
  if (!filters.success) {
    const issue = filters.error.issues[0];
    throw new AppError("BAD_REQUEST", `Invalid query parameter ${issue?.path.join(".")}: ${issue?.message}`, {
      issues: filters.error.issues.map((entry) => ({ path: entry.path.join("."), message: entry.message })),
    });
  }
  return Response.json(await listServices(await getDb(), filters.data));
});
