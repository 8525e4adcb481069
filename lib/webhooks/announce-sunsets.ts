import { inTransaction, type Db } from "@/lib/platform/db/types";
import { recordWebhookEvent } from "./record-webhook-event";

/** How far ahead a sunset is announced. */
export const SUNSET_NOTICE_DAYS = 30;

/**
 * `service.sunset_approaching` for each service whose sunset date comes within SUNSET_NOTICE_DAYS,
 * once per service and date (an event already recorded for that date is not repeated).
 */
export async function announceSunsets(db: Db, now = new Date()): Promise<number> {
  const soon = await db.service.findMany({
    where: { sunsetAt: { gte: now, lte: new Date(now.getTime() + SUNSET_NOTICE_DAYS * 86_400_000) }, lifecycle: { not: "retired" } },
    select: { id: true, sunsetAt: true },
  });
  let announced = 0;
  for (const service of soon) {
    const sunsetDate = service.sunsetAt!.toISOString().slice(0, 10);
    const already = await db.webhookEvent.findFirst({
      where: { type: "service.sunset_approaching", serviceId: service.id, payload: { path: ["data", "sunsetDate"], equals: sunsetDate } },
      select: { id: true },
    });
    if (already) continue;
    const daysLeft = Math.ceil((service.sunsetAt!.getTime() - now.getTime()) / 86_400_000);
    await inTransaction(db, (tx) => recordWebhookEvent(tx, { type: "service.sunset_approaching", serviceId: service.id, data: { sunsetDate, daysLeft } }));
    announced += 1;
  }
  return announced;
}
