import type { Db } from "@/lib/platform/db/types";

/** An operation of the version a service serves, by operationId (null when there is none). */
export async function findOperation(db: Db, input: { serviceSlug: string; operationId: string }) {
  return db.operation.findFirst({
    where: { operationId: input.operationId, apiVersion: { servedBy: { slug: input.serviceSlug } } },
    select: { method: true, path: true, summary: true, tags: true, deprecated: true },
  });
}
