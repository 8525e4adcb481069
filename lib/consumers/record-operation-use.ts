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
