import { operations } from "@/lib/api/contract/operations";
import { diffServiceVersions } from "@/lib/changes/diff-service-versions";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { callerKey } from "@/lib/http/caller-key";
import { clientAddress } from "@/lib/http/client-address";

export const GET = apiRoute<{ slug: string }>(async (request, { slug }, { actor }) => {
  const query = operations.diffServiceVersions.query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(
    await diffServiceVersions(await getDb(), {
      slug,
      from: { version: query.from, revision: query.fromRevision },
      to: { version: query.to, revision: query.toRevision },
      caller: callerKey(actor, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)),
    }),
  );
});
