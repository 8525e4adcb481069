import { readFile } from "node:fs/promises";
import path from "node:path";
import { demoServices, demoTeams } from "@/prisma/seed/demo-company";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/types";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishVersion } from "@/lib/versions/publish-version";

const specsDir = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma/seed/specs");

export const WAYFINDER_SERVICE_SLUG = "wayfinder";

/** The text of a demo document; "wayfinder" is this portal's own contract. */
async function readDemoSpec(name: string): Promise<string> {
  if (name === WAYFINDER_SERVICE_SLUG) return JSON.stringify(wayfinderOpenApiDocument);
  return readFile(path.join(specsDir, name), "utf8");
}

/**
 * Loads the demo company into the catalogue through the same domain functions as everything else:
 * teams, services with owners, then each document through the publishing pipeline.
 */
const seedActor = systemActor("demo seed");

export async function seedDemo(db: Db): Promise<{ teams: number; services: number; versions: number }> {
  for (const team of demoTeams) await createTeam(db, { actor: seedActor, input: team });
  let versions = 0;
  for (const { specs, ...service } of demoServices) {
    await createService(db, { actor: seedActor, input: service });
    for (const spec of specs) {
      const result = await publishVersion(db, { actor: seedActor, serviceSlug: service.slug, text: await readDemoSpec(spec), origin: "seed" });
      if (result.outcome === "created") versions += 1;
    }
  }
  return { teams: demoTeams.length, services: demoServices.length, versions };
}

/** Deletes every service, team and audit entry (versions, documents, operations, memberships and tokens go with them). */
export async function clearCatalogue(db: Db): Promise<void> {
  await db.service.deleteMany({});
  await db.team.deleteMany({});
  await db.auditEntry.deleteMany({});
}

/**
 * Keeps Wayfinder's catalogue entry describing the API this build serves: publishes the current
 * contract when the service exists and its content changed (a no-op otherwise).
 */
export async function syncOwnDocument(db: Db): Promise<void> {
  const exists = await db.service.findUnique({ where: { slug: WAYFINDER_SERVICE_SLUG }, select: { id: true } });
  if (exists) await publishVersion(db, { actor: systemActor("Wayfinder start-up"), serviceSlug: WAYFINDER_SERVICE_SLUG, text: JSON.stringify(wayfinderOpenApiDocument), origin: "seed" });
}
