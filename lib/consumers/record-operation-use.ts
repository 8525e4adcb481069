import type { Db } from "@/lib/platform/db/types";

/**
 * That a consuming service called one of a provider's operations (through the Try it out proxy with
 * its service token, or in imported traffic): one row per consumer, provider and operation, counted,
 * with when it was first and last seen. One statement, so concurrent calls never lose a count.
 */
export async function recordOperationUse(
  db: Db,
  { consumerId, providerId, operation, via }: { consumerId: string; providerId: string; operation: string; via: string },
  now = new Date(),
): Promise<void> {
  if (consumerId === providerId) return;
  await db.$executeRaw`
    INSERT INTO "OperationUse" ("consumerId", "providerId", operation, via, calls, "firstSeenAt", "lastSeenAt")
    VALUES (${consumerId}, ${providerId}, ${operation.slice(0, 300)}, ${via}, 1, ${now}, ${now})
    ON CONFLICT ("consumerId", "providerId", operation)
    DO UPDATE SET calls = "OperationUse".calls + 1, via = EXCLUDED.via, "lastSeenAt" = GREATEST("OperationUse"."lastSeenAt", EXCLUDED."lastSeenAt")`;
}

/** A call through Try it out by a service's token: evidence that the token's service uses the operation. */
export async function recordObservedCall(db: Db, { consumerId, providerSlug, operation }: { consumerId: string; providerSlug: string; operation: string }) {
  const provider = await db.service.findUnique({ where: { slug: providerSlug }, select: { id: true } });
  if (provider) await recordOperationUse(db, { consumerId, providerId: provider.id, operation, via: "proxy" });
}

export interface ObservedUse {
  consumerId: string;
  operation: string;
  calls: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** Many observed uses of one provider at once (imported traffic): counts added, first and last seen widened. */
export async function recordOperationUses(db: Db, providerId: string, uses: ObservedUse[], via: string): Promise<void> {
  const rows = uses.filter((use) => use.consumerId !== providerId);
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    await db.$executeRaw`
      INSERT INTO "OperationUse" ("consumerId", "providerId", operation, via, calls, "firstSeenAt", "lastSeenAt")
      SELECT u.consumer, ${providerId}, u.operation, ${via}, u.calls, u.first, u.last
      FROM unnest(${batch.map((use) => use.consumerId)}::text[], ${batch.map((use) => use.operation.slice(0, 300))}::text[],
        ${batch.map((use) => use.calls)}::int[], ${batch.map((use) => use.firstSeenAt)}::timestamp(3)[], ${batch.map((use) => use.lastSeenAt)}::timestamp(3)[])
        AS u(consumer, operation, calls, first, last)
      ON CONFLICT ("consumerId", "providerId", operation)
      DO UPDATE SET calls = "OperationUse".calls + EXCLUDED.calls, via = EXCLUDED.via,
        "firstSeenAt" = LEAST("OperationUse"."firstSeenAt", EXCLUDED."firstSeenAt"),
        "lastSeenAt" = GREATEST("OperationUse"."lastSeenAt", EXCLUDED."lastSeenAt")`;
  }
}
