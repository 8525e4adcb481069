import { operations } from "@/lib/api/contract/operations";
import { defineRoute } from "@/lib/api/define-route";
import { callerKey } from "@/lib/auth/caller-key";
import { getDb } from "@/lib/platform/db/database";
import { env, publicUrl } from "@/lib/platform/env";
import { clientAddress } from "@/lib/platform/http/client-address";
import { getVersionClient } from "@/lib/versions/get-version-client";

export const GET = defineRoute(operations.getVersionClient, async ({ request, actor, params: { slug, version }, query }) => {
  const client = await getVersionClient(await getDb(), {
    actor,
    caller: callerKey(actor, clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)),
    serviceSlug: slug,
    version,
    revision: query.revision,
    language: query.lang,
    portal: publicUrl().origin,
  });
  return new Response(Buffer.from(client.zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${client.folder}.zip"`,
      "Cache-Control": "no-cache",
      ETag: `"${client.contentHash}-${query.lang}"`,
      "X-Wayfinder-Revision": String(client.revision),
    },
  });
});
