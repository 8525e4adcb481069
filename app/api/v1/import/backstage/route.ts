import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { operations } from "@/lib/api/contract/operations";
import { apiRoute, readBody } from "@/lib/http/api-route";
import { importBackstage } from "@/lib/import/import-backstage";

const MAX_YAML_BYTES = 5_000_000;

/** Takes `{ "yaml": "…" }`, or the YAML itself with Content-Type application/yaml (handy from a shell). */
async function readYaml(request: Request): Promise<string> {
  if (/^(application|text)\/(x-)?yaml\b/i.test(request.headers.get("content-type") ?? "")) {
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_YAML_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The YAML is larger than ${MAX_YAML_BYTES} bytes.`);
    return text;
  }
  return (await readBody(operations.importBackstage, request)).yaml;
}

export const POST = apiRoute(async (request, _params, { actor }) => {
  // importBackstage checks this too; checking first spares reading a large body for nothing.
  assert(isAdmin(actor), actor, "import from Backstage");
  const yaml = await readYaml(request);
  return Response.json(await importBackstage(await getDb(), { actor, yaml }));
});
