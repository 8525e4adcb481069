import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { getLintReport } from "@/lib/lint/get-lint-report";

export const GET = apiRoute<{ slug: string; version: string }>(async (request, { slug, version }, { actor }) => {
  const { revision } = operations.getLintReport.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getLintReport(await getDb(), { actor, serviceSlug: slug, version, revision }));
});
