import type { Db } from "@/lib/platform/db/types";

/** The deprecated operations of one stored version of a service, with their sunset dates, soonest first. */
export async function listDeprecatedOperations(db: Db, { slug, version, revision }: { slug: string; version: string; revision: number }) {
  const operations = await db.operation.findMany({
    where: { deprecated: true, apiVersion: { version, revision, pendingSince: null, service: { slug } } },
    select: { method: true, path: true, sunset: true },
  });
  return operations
    .map((operation) => ({ operation: `${operation.method.toUpperCase()} ${operation.path}`, sunset: operation.sunset?.toISOString().slice(0, 10) ?? null }))
    .sort((a, b) => (a.sunset ?? "9999").localeCompare(b.sunset ?? "9999") || a.operation.localeCompare(b.operation));
}
