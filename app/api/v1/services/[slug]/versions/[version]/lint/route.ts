import { operations } from "@/lib/api/contract/operations";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { getLintReport } from "@/lib/lint/get-lint-report";

export const GET = defineRoute(operations.getLintReport, async ({ actor, params: { slug, version }, query: { revision }, reply }) =>
  reply(await getLintReport(await getDb(), { actor, serviceSlug: slug, version, revision })),
);
