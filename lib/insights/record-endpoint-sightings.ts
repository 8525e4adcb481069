import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMayRecordConformance } from "@/lib/conformance/may-record";
import { isMethodAndPath, operationKey } from "@/lib/consumers/operation-key";
import { inTransaction, type Db } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";

/** What `wayfinder check` and `wayfinder new endpoint` send: operations a working copy has and the portal's current version lacks. */
export const endpointSightingsSchema = z
  .object({
    source: z.enum(["check", "new-endpoint"]).meta({ description: "Which command saw them." }),
    operations: z
      .array(z.string().min(3).max(500))
      .min(1)
      .max(5_000)
      .meta({ description: "`METHOD /path/template` of each operation seen; one already seen keeps its first sighting." }),
  })
  .strict();

export type EndpointSightings = z.input<typeof endpointSightingsSchema>;

/**
 * Records when each operation was first seen, for time to a new endpoint (lib/insights/new-endpoint-time.ts).
 * Those who may edit the service (its tokens in CI); one already seen keeps its first time, so a check
 * run on every push measures from the first. Audited with the number newly seen.
 */
export async function recordEndpointSightings(db: Db, actor: Actor, input: { slug: string; sightings: EndpointSightings }, now = new Date()) {
  const service = await assertMayRecordConformance(db, actor, input.slug);
  const { source, operations } = endpointSightingsSchema.parse(input.sightings);
  const malformed = operations.filter((operation) => !isMethodAndPath(operation));
  if (malformed.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `Not \`METHOD /path\`: ${malformed
        .slice(0, 5)
        .map((name) => JSON.stringify(name))
        .join(", ")}.`,
    );
  const keys = [...new Set(operations.map(operationKey))];
  return inTransaction(db, async (tx) => {
    const added = await tx.endpointSighting.createMany({
      data: keys.map((operation) => ({ serviceId: service.id, operation, source, firstSeenAt: now })),
      skipDuplicates: true,
    });
    if (added.count)
      await recordAudit(tx, actor, {
        action: "endpoint.sighted",
        entityType: "service",
        entityId: service.id,
        entityKey: service.slug,
        serviceId: service.id,
        after: { source, operations: added.count },
      });
    return { seen: keys.length, new: added.count };
  });
}
