import type { Db } from "@/lib/platform/db/types";

export interface TryCall {
  userId: string;
  serviceSlug: string;
  via: "proxy" | "mock";
  /** `METHOD /path/template`, or null when the call matched no operation. */
  operation: string | null;
  status: number;
  latencyMs: number;
}

/** One call someone made while trying an API (never its body or credentials). */
export async function recordTryCall(db: Db, call: TryCall, now = new Date()): Promise<void> {
  const service = await db.service.findUnique({ where: { slug: call.serviceSlug }, select: { id: true } });
  if (!service) return;
  await db.tryEvent.create({
    data: {
      userId: call.userId,
      serviceId: service.id,
      kind: "call",
      via: call.via,
      operation: call.operation?.slice(0, 300) ?? null,
      status: call.status,
      latencyMs: call.latencyMs,
      occurredAt: now,
    },
  });
}

/**
 * That someone opened a service's docs. Only the first opening is kept: time to first call runs from
 * it, and a reader who comes back every day adds nothing. Two tabs opening at once may leave two
 * rows; the earliest counts.
 */
export async function recordDocsOpened(db: Db, input: { userId: string; serviceSlug: string }, now = new Date()): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "TryEvent" ("id", "userId", "serviceId", "kind", "occurredAt")
    SELECT ${crypto.randomUUID()}, ${input.userId}, s."id", 'docs_opened', ${now} FROM "Service" s
    WHERE s."slug" = ${input.serviceSlug}
      AND NOT EXISTS (SELECT 1 FROM "TryEvent" e WHERE e."userId" = ${input.userId} AND e."serviceId" = s."id" AND e."kind" = 'docs_opened')`;
}
