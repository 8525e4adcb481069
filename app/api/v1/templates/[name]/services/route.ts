import { operations } from "@/lib/api/contract/operations";
import { assert, mayRegisterAnyService } from "@/lib/auth/permissions";
import { getDb } from "@/lib/platform/db/database";
import { defineRoute } from "@/lib/api/define-route";
import { getService } from "@/lib/services/get-service";
import { createServiceFromTemplate } from "@/lib/templates/create-service-from-template";

/** Creates a service from a template: registered for the team, its contract published as 0.1.0. */
export const POST = defineRoute(operations.createServiceFromTemplate, async ({ actor, params: { name }, body, reply }) => {
  // 401/403 before the body is read; which team is checked in the domain function.
  assert(mayRegisterAnyService(actor), actor, "create services");
  const input = await body();
  const db = await getDb();
  const { service, version, project } = await createServiceFromTemplate(db, { actor, templateName: name, input });
  return reply(
    { service: await getService(db, service.slug, { reader: actor }), version, files: Object.keys(project.files).sort() },
    { status: 201, headers: { Location: `/api/v1/services/${service.slug}` } },
  );
});
