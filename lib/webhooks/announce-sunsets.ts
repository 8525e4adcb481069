import { inTransaction, type Db } from "@/lib/platform/db/types";
import { recordWebhookEvent } from "./record-webhook-event";

/** How far ahead a service's sunset is announced. */
export const SUNSET_NOTICE_DAYS = 30;
/** How far ahead a deprecated operation's `x-sunset` is announced. */
export const OPERATION_SUNSET_NOTICE_DAYS = 7;

const DAY_MS = 86_400_000;

/** Whether `service.sunset_approaching` was already recorded for this service, date and operation (none: the service itself). */
async function announced(db: Db, serviceId: string, sunsetDate: string, operation?: string): Promise<boolean> {
  const events = await db.webhookEvent.findMany({
    where: { type: "service.sunset_approaching", serviceId, payload: { path: ["data", "sunsetDate"], equals: sunsetDate } },
    select: { payload: true },
  });
  return events.some((event) => ((event.payload as { data?: { operation?: string } }).data?.operation ?? undefined) === operation);
}

/**
 * `service.sunset_approaching` for each service whose sunset date comes within SUNSET_NOTICE_DAYS, and
 * for each deprecated operation of a version a service serves whose `x-sunset` comes within
 * OPERATION_SUNSET_NOTICE_DAYS: once per service (or operation) and date. Returns how many were announced.
 */
export async function announceSunsets(db: Db, now = new Date()): Promise<number> {
  const soon = await db.service.findMany({
    where: { sunsetAt: { gte: now, lte: new Date(now.getTime() + SUNSET_NOTICE_DAYS * DAY_MS) }, lifecycle: { not: "retired" } },
    select: { id: true, sunsetAt: true },
  });
  let count = 0;
  for (const service of soon) {
    const sunsetDate = service.sunsetAt!.toISOString().slice(0, 10);
    if (await announced(db, service.id, sunsetDate)) continue;
    const daysLeft = Math.ceil((service.sunsetAt!.getTime() - now.getTime()) / DAY_MS);
    await inTransaction(db, (tx) => recordWebhookEvent(tx, { type: "service.sunset_approaching", serviceId: service.id, data: { sunsetDate, daysLeft } }));
    count += 1;
  }
  const operations = await db.operation.findMany({
    where: {
      deprecated: true,
      sunset: { gte: now, lte: new Date(now.getTime() + OPERATION_SUNSET_NOTICE_DAYS * DAY_MS) },
      apiVersion: { servedBy: { lifecycle: { not: "retired" } } },
    },
    select: { method: true, path: true, sunset: true, apiVersion: { select: { serviceId: true } } },
  });
  for (const found of operations) {
    const operation = `${found.method.toUpperCase()} ${found.path}`;
    const sunsetDate = found.sunset!.toISOString().slice(0, 10);
    const serviceId = found.apiVersion.serviceId;
    if (await announced(db, serviceId, sunsetDate, operation)) continue;
    const daysLeft = Math.ceil((found.sunset!.getTime() - now.getTime()) / DAY_MS);
    await inTransaction(db, (tx) => recordWebhookEvent(tx, { type: "service.sunset_approaching", serviceId, data: { sunsetDate, daysLeft, operation } }));
    count += 1;
  }
  return count;
}
