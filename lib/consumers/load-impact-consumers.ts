import type { Db } from "@/lib/platform/db/types";
import type { ImpactConsumer } from "./change-impact";
import { serviceWithTeamsSelect } from "./consumption-view";

/** Calls older than this are no evidence of use any more (and an operation no one called in it is "unused"). */
export const OBSERVED_WINDOW_DAYS = 90;

export const observedSince = (now = new Date()) => new Date(now.getTime() - OBSERVED_WINDOW_DAYS * 86_400_000);

/**
 * Every service that declared it consumes the provider or was seen calling it in the last 90 days,
 * with its owning teams: two queries whatever the number of consumers.
 */
export async function loadImpactConsumers(db: Db, providerId: string, now = new Date()): Promise<ImpactConsumer[]> {
  const service = serviceWithTeamsSelect;
  const [declarations, uses] = await Promise.all([
    db.consumption.findMany({
      where: { providerId, consumer: { archivedAt: null } },
      select: { versions: true, operations: true, fields: true, consumer: service },
    }),
    db.operationUse.findMany({
      where: { providerId, lastSeenAt: { gte: observedSince(now) }, consumer: { archivedAt: null } },
      select: { operation: true, lastSeenAt: true, consumer: service },
    }),
  ]);
  const bySlug = new Map<string, ImpactConsumer>();
  const consumerOf = (consumer: (typeof declarations)[number]["consumer"]) => {
    let found = bySlug.get(consumer.slug);
    if (!found) {
      found = {
        service: { slug: consumer.slug, name: consumer.name },
        teams: consumer.ownerships.map((ownership) => ownership.team),
        observed: [],
      };
      bySlug.set(consumer.slug, found);
    }
    return found;
  };
  for (const { consumer, versions, operations, fields } of declarations) consumerOf(consumer).declared = { versions, operations, fields };
  for (const { consumer, operation, lastSeenAt } of uses) consumerOf(consumer).observed.push({ operation, lastSeenAt: lastSeenAt.toISOString() });
  return [...bySlug.values()];
}
