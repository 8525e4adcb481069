import { z } from "zod";
import { assert, isAdmin } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJson } from "@/lib/http/api-route";
import { importBackstage } from "@/lib/import/import-backstage";

const MAX_YAML_BYTES = 5_000_000;
const bodySchema = z.object({ yaml: z.string().min(1, "is required") });

/** Takes `{ "yaml": "…" }`, or the YAML itself with Content-Type application/yaml (handy from a shell). */
async function readYaml(request: Request): Promise<string> {
  if (/^(application|text)\/(x-)?yaml\b/i.test(request.headers.get("content-type") ?? "")) {
    const text = await request.text();
    if (Buffer.byteLength(text) > MAX_YAML_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The YAML is larger than ${MAX_YAML_BYTES} bytes.`);
    return text;
  }
  return bodySchema.parse(await readJson(request)).yaml;
}

export const POST = apiRoute(async (request, _params, { actor }) => {
  // importBackstage checks this too; checking first spares reading a large body for nothing.
  assert(isAdmin(actor), actor, "import from Backstage");
  const yaml = await readYaml(request);
  return Response.json(await importBackstage(await getDb(), { actor, yaml }));
});
