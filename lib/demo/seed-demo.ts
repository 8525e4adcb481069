import { demoMaintainers, demoServices, demoTeams } from "@/prisma/seed/demo-company";
import { systemActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { readDemoSpec, WAYFINDER_SERVICE_SLUG } from "./demo-specs";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { setMembership } from "@/lib/teams/set-membership";
import { publishVersion } from "@/lib/versions/publish-version";

/**
 * Loads the demo company into the catalogue through the same domain functions as everything else:
 * teams, services with owners, then each document through the publishing pipeline.
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
  for (const { specs, ...service } of demoServices) {
    await createService(db, { actor: seedActor, input: service });
    for (const spec of specs) {
      const result = await publishVersion(db, { actor: seedActor, serviceSlug: service.slug, text: readDemoSpec(spec), origin: "seed" });
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
  if (exists)
    await publishVersion(db, {
      actor: systemActor("Wayfinder start-up"),
      serviceSlug: WAYFINDER_SERVICE_SLUG,
      text: readDemoSpec(WAYFINDER_SERVICE_SLUG),
      origin: "seed",
    });
}
