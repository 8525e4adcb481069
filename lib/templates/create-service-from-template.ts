import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assert, canRegisterService } from "@/lib/auth/permissions";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { createService } from "@/lib/services/create-service";
import { findTeamsBySlug } from "@/lib/org/find-teams";
import { publishFirstVersion } from "@/lib/versions/publish-version";
import { renderService } from "./generate-service";
import type { TemplateValues } from "./parameter-schema";
import { findTemplate } from "./portal-templates";
import { templateServiceInputSchema, templateServiceSchema } from "./template-service-input";

/**
 * Renders a service template for a team the actor may register services for, and checks its contract
 * with the portal's own pipeline. Shared by creating the service and by downloading the project.
 */
export async function renderForTeam(db: Db, { actor, templateName, input }: { actor: Actor; templateName: string; input: unknown }) {
  const source = findTemplate(templateName);
  const { team } = templateServiceInputSchema.parse(input);
  const teamIds = await inTransaction(db, (tx) => findTeamsBySlug(tx, [team], "team"));
  assert(canRegisterService(actor, [...teamIds.values()]), actor, `create services for "${team}"`);
  // The form's own schema: its errors name `values.<parameter>`, as the form shows them.
  const { values } = templateServiceSchema(source.manifest.parameters).parse(input);
  const project = renderService(source, values as TemplateValues);
  return { source, team, project };
}

/**
 * Creates a service from a template (people and tokens who may register services for the team): the
 * service owned by the team, its rendered openapi.yaml published as its first version (0.1.0), and an
 * audit entry naming the template and values. One transaction: a failure leaves nothing behind.
 */
export async function createServiceFromTemplate(db: Db, options: { actor: Actor; templateName: string; input: unknown }) {
  const { source, team, project } = await renderForTeam(db, options);
  // Parsed, validated and indexed before the transaction, in a pipeline thread: the slow part holds no locks and not the event loop.
  const prepared = await runPipeline("prepareText", { text: project.files[project.contract]!, limits: ingestLimitsFromEnv() });
  const { actor } = options;
  return inTransaction(db, async (tx) => {
    const service = await createService(tx, {
      actor,
      input: {
        slug: String(project.values.name),
        name: String(project.values.title),
        description: String(project.values.description),
        primaryOwner: team,
        tags: [source.manifest.language],
      },
    });
    const version = await publishFirstVersion(tx, { actor, serviceSlug: service.slug, prepared, origin: "upload" });
    await recordAudit(tx, actor, {
      action: "service.create_from_template",
      entityType: "service",
      entityId: service.id,
      entityKey: service.slug,
      serviceId: service.id,
      after: { template: source.manifest.name, values: project.values, version: version.version },
    });
    return { service, version, project };
  });
}
