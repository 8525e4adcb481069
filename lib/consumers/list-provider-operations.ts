import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";

/**
 * The operations of the version a service serves, in path order: what a consumer picks from when it
 * declares the operations it uses (the edit page, agents).
 */
export async function listProviderOperations(db: Db, { actor, slug }: { actor: Actor; slug: string }) {
  assertMayRead(actor);
  const service = await db.service.findUnique({
    where: { slug },
    select: { currentVersion: { select: { version: true, revision: true } }, currentVersionId: true },
  });
  if (!service) throw notFound(`Service "${slug}"`);
  const operations = service.currentVersionId
    ? await db.operation.findMany({
        where: { apiVersionId: service.currentVersionId },
        select: { method: true, path: true, operationId: true, summary: true, deprecated: true },
        orderBy: [{ path: "asc" }, { method: "asc" }],
      })
    : [];
  // The index keeps methods as documents spell them (lower case); declarations and diffs say GET.
  return { version: service.currentVersion, items: operations.map((operation) => ({ ...operation, method: operation.method.toUpperCase() })) };
}
