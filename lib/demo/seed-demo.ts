import { demoMaintainers, demoServices, demoTeams } from "@/prisma/seed/demo-company";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { readDemoEvents, readDemoSpec } from "./demo-specs";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";
import { publishEventVersion } from "@/lib/versions/publish-event-version";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { setMembership } from "@/lib/teams/set-membership";
import { publishVersion } from "@/lib/versions/publish-version";
import { replaceConsumptions } from "@/lib/consumers/manage-consumptions";

/**
 * Loads the demo company into the catalogue through the same domain functions as everything else:
 * teams, services with owners and their first documents (through the publishing pipeline), then what
 * each service consumes (as its wayfinder.consumes.yaml would declare it), then the later documents:
 * their changes name the consumers they touch, as they would have when published.
 */
const seedActor = systemActor("demo seed");

export async function seedDemo(db: Db): Promise<{ teams: number; services: number; versions: number }> {
  for (const team of demoTeams) {
    await createTeam(db, { actor: seedActor, input: team });
    for (const { name, email } of demoMaintainers[team.slug] ?? []) {
      // Named as they will be when they sign in; until then the account only holds the membership.
      await db.user.upsert({ where: { email }, create: { email, name }, update: {} });
      await setMembership(db, { actor: seedActor, teamSlug: team.slug, input: { email, role: "maintainer" } });
    }
  }
  let versions = 0;
  const publish = async (serviceSlug: string, specs: string[]) => {
    for (const spec of specs) {
      const result = await publishVersion(db, { actor: seedActor, serviceSlug, text: readDemoSpec(spec), origin: "seed" });
      if (result.outcome === "created") versions += 1;
    }
  };
  for (const { specs, consumes: _consumes, events: _events, ...service } of demoServices) {
    await createService(db, { actor: seedActor, input: service });
    await publish(service.slug, specs.slice(0, 1));
  }
  for (const { slug, consumes } of demoServices)
    if (consumes) await replaceConsumptions(db, { actor: seedActor, consumerSlug: slug, file: { consumes }, source: "file" });
  for (const { slug, specs } of demoServices) await publish(slug, specs.slice(1));
  // Event APIs: orders sends order.placed (AsyncAPI 3.0), inventory receives it (2.6).
  for (const { slug, events = [] } of demoServices)
    for (const file of events) {
      // In a pipeline thread, as every publish is: AsyncAPI's parser stays out of the server's own heap.
      const prepared = await runPipeline("prepareEventReceived", {
        body: Buffer.from(readDemoEvents(file)),
        contentType: "application/yaml",
        limits: ingestLimitsFromEnv(),
      });
      await publishEventVersion(db, { actor: seedActor, serviceSlug: slug, prepared, origin: "seed" });
    }
  return { teams: demoTeams.length, services: demoServices.length, versions };
}

/** Deletes every service, team and audit entry (versions, documents, operations, memberships and tokens go with them). */
export async function clearCatalogue(db: Db): Promise<void> {
  await db.service.deleteMany({});
  await db.team.deleteMany({});
  await db.auditEntry.deleteMany({});
}
