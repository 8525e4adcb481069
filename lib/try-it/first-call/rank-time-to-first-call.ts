import { assertMayRead } from "@/lib/auth/read-rule";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/platform/db/types";
import { timeToFirstCall, type TimeToFirstCall } from "./time-to-first-call";

export type RankedService = Omit<TimeToFirstCall, "serviceId"> & { slug: string; name: string };

/** Services by time to first successful call, slowest median first (anyone who may read the portal may see it). */
export async function rankTimeToFirstCall(db: Db, actor: Actor, now = new Date()): Promise<RankedService[]> {
  assertMayRead(actor);
  const figures = await timeToFirstCall(db, { now });
  const services = await db.service.findMany({
    where: { id: { in: figures.map((figure) => figure.serviceId) } },
    select: { id: true, slug: true, name: true },
  });
  const byId = new Map(services.map((service) => [service.id, service]));
  return figures
    .flatMap(({ serviceId, ...figure }) => {
      const service = byId.get(serviceId);
      return service ? [{ ...figure, slug: service.slug, name: service.name }] : [];
    })
    .sort((a, b) => b.p50Seconds - a.p50Seconds || b.p90Seconds - a.p90Seconds);
}
