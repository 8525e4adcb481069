import { operations } from "@/lib/api/contract/operations";
import { assert, mayRegisterAnyService } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { renderForTeam } from "@/lib/templates/create-service-from-template";
import { zipFiles } from "@/lib/platform/zip-files";

/** The generated project as a zip; nothing is stored. */
export const POST = defineRoute(operations.downloadTemplateProject, async ({ actor, params: { name }, body }) => {
  assert(mayRegisterAnyService(actor), actor, "create services");
  const { project } = await renderForTeam(await getDb(), { actor, templateName: name, input: await body() });
  const folder = String(project.values.name);
  return new Response(Buffer.from(zipFiles(folder, project.files)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${folder}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
