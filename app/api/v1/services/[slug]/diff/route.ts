import { operations } from "@/lib/api/contract/operations";
import { diffServiceVersions } from "@/lib/changes/diff-service-versions";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ slug: string }>(async (request, { slug }) => {
  const query = operations.diffServiceVersions.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(
    await diffServiceVersions(await getDb(), {
      slug,
      from: { version: query.from, revision: query.fromRevision },
      to: { version: query.to, revision: query.toRevision },
    }),
  );
});
