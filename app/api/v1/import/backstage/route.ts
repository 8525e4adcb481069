import { operations } from "@/lib/api/contract/operations";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { MAX_CATALOG_BYTES } from "@/lib/import/fetch-catalog";
import { importBackstage } from "@/lib/import/import-backstage";

const YAML = /^(application|text)\/(x-)?yaml\b/i;

/** Takes `{ "yaml": "…" }` or `{ "url": "…" }`, or the YAML itself with Content-Type application/yaml (handy from a shell). */
export const POST = defineRoute(operations.importBackstage, async ({ request, actor, body, bytes, reply }) => {
  // importBackstage checks this too; checking first spares reading a large body for nothing.
  assert(isAdmin(actor), actor, "import from Backstage");
  const input = YAML.test(request.headers.get("content-type") ?? "")
    ? { yaml: new TextDecoder().decode(await bytes(MAX_CATALOG_BYTES)) }
    : await body(MAX_CATALOG_BYTES);
  return reply(await importBackstage(await getDb(), { actor, ...("url" in input ? { url: input.url } : { yaml: input.yaml }) }));
});
