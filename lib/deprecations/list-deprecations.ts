import type { Db } from "@/lib/platform/db/types";

/**
 * What is going away, and when: deprecated services (with their sunset date, if set) and the deprecated
 * operations of the version each service serves (with `x-sunset`), soonest first; those without a date
 * last. With `within`, only what goes away within that many days.
 */
export async function listDeprecations(db: Db, { within }: { within?: number } = {}) {
  const by = within === undefined ? undefined : new Date(Date.now() + within * 86_400_000);
  const [services, operations] = await Promise.all([
    db.service.findMany({
      where: { OR: [{ lifecycle: "deprecated" }, { sunsetAt: { not: null } }], ...(by ? { sunsetAt: { lte: by } } : {}) },
      select: { slug: true, name: true, lifecycle: true, sunsetAt: true },
    }),
    db.operation.findMany({
      where: { deprecated: true, apiVersion: { servedBy: { isNot: null } }, ...(by ? { sunset: { lte: by } } : {}) },
      select: {
        method: true,
        path: true,
        operationId: true,
        sunset: true,
        apiVersion: { select: { version: true, service: { select: { slug: true, name: true } } } },
      },
    }),
  ]);
  const items = [
    ...services.map((service) => ({
      kind: "service" as const,
      service: { slug: service.slug, name: service.name },
      lifecycle: service.lifecycle,
      operation: null,
      version: null,
      sunset: service.sunsetAt?.toISOString().slice(0, 10) ?? null,
    })),
    ...operations.map((operation) => ({
      kind: "operation" as const,
      service: operation.apiVersion.service,
      lifecycle: null,
      operation: `${operation.method.toUpperCase()} ${operation.path}`,
      version: operation.apiVersion.version,
      sunset: operation.sunset?.toISOString().slice(0, 10) ?? null,
    })),
  ];
  return items.sort(
    (a, b) =>
      (a.sunset ?? "9999").localeCompare(b.sunset ?? "9999") ||
      a.service.slug.localeCompare(b.service.slug) ||
      (a.operation ?? "").localeCompare(b.operation ?? ""),
  );
}

export type Deprecation = Awaited<ReturnType<typeof listDeprecations>>[number];
