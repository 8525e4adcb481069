import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { readBodyCapped } from "@/lib/http/read-body";
import { importBackstage } from "@/lib/import/import-backstage";

const MAX_YAML_BYTES = 5_000_000;

/** Takes `{ "yaml": "…" }`, or the YAML itself with Content-Type application/yaml (handy from a shell). */
async function readYaml(request: Request): Promise<string> {
  if (/^(application|text)\/(x-)?yaml\b/i.test(request.headers.get("content-type") ?? "")) {
    return new TextDecoder().decode(await readBodyCapped(request, MAX_YAML_BYTES));
  }
  return (await readBody(operations.importBackstage, request, MAX_YAML_BYTES)).yaml;
}

export const POST = apiRoute(async (request, _params, { actor }) => {
  // importBackstage checks this too; checking first spares reading a large body for nothing.
  assert(isAdmin(actor), actor, "import from Backstage");
  const yaml = await readYaml(request);
  return Response.json(await importBackstage(await getDb(), { actor, yaml }));
});
