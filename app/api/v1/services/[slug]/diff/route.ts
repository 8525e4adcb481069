import { operations } from "@/lib/api/contract/operations";
import { diffEventVersions } from "@/lib/changes/diff-event-versions";
import { diffServiceVersions } from "@/lib/changes/diff-service-versions";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { callerKey } from "@/lib/auth/caller-key";
import { clientAddress } from "@/lib/platform/http/client-address";
import { defineRoute } from "@/lib/api/define-route";

export const GET = defineRoute(operations.diffServiceVersions, async ({ request, actor, params: { slug }, query, reply }) => {
  const input = {
    actor,
    slug,
    from: { version: query.from, revision: query.fromRevision },
    to: { version: query.to, revision: query.toRevision },
    caller: callerKey(actor, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)),
  };
  const db = await getDb();
  return reply(query.contract === "event" ? await diffEventVersions(db, input) : await diffServiceVersions(db, input));
});
