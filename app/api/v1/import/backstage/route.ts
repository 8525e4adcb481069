import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { readBodyCapped } from "@/lib/http/read-body";
import { MAX_CATALOG_BYTES } from "@/lib/import/fetch-catalog";
import { importBackstage } from "@/lib/import/import-backstage";

/** Takes `{ "yaml": "…" }` or `{ "url": "…" }`, or the YAML itself with Content-Type application/yaml (handy from a shell). */
async function readInput(request: Request): Promise<{ yaml: string } | { url: string }> {
  if (/^(application|text)\/(x-)?yaml\b/i.test(request.headers.get("content-type") ?? "")) {
    return { yaml: new TextDecoder().decode(await readBodyCapped(request, MAX_CATALOG_BYTES)) };
  }
  const body = await readBody(operations.importBackstage, request, MAX_CATALOG_BYTES);
  return "url" in body ? { url: body.url } : { yaml: body.yaml };
}

export const POST = apiRoute(async (request, _params, { actor }) => {
  // importBackstage checks this too; checking first spares reading a large body for nothing.
  assert(isAdmin(actor), actor, "import from Backstage");
  return Response.json(await importBackstage(await getDb(), { actor, ...(await readInput(request)) }));
});
