import { operations } from "@/lib/api/contract/operations";
import { diffServiceVersions } from "@/lib/changes/diff-service-versions";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { callerKey } from "@/lib/http/caller-key";
import { clientAddress } from "@/lib/http/client-address";
import { defineRoute } from "@/lib/http/define-route";

export const GET = defineRoute(operations.diffServiceVersions, async ({ request, actor, params: { slug }, query, reply }) =>
  reply(
    await diffServiceVersions(await getDb(), {
      slug,
      from: { version: query.from, revision: query.fromRevision },
      to: { version: query.to, revision: query.toRevision },
      caller: callerKey(actor, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)),
    }),
  ),
);
