import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { loadMockTarget } from "@/lib/try-it/mock/load-mock-target";
import type { MockTarget } from "@/lib/try-it/mock/mock-request";

export interface CheckedVersion {
  versionId: string;
  version: string;
  revision: number;
  target: MockTarget;
}

/** The version exchanges are checked against: the one named (its newest revision), else the one the service serves. */
export async function checkedVersionRow(db: Db, service: { id: string; slug: string }, version?: string) {
  const row = await db.apiVersion.findFirst({
    where: version ? { serviceId: service.id, version, pendingSince: null } : { servedBy: { id: service.id }, pendingSince: null },
    orderBy: { revision: "desc" },
    select: { id: true, version: true, revision: true },
  });
  if (!row) throw notFound(version ? `Version ${version} of service "${service.slug}"` : `A published version of service "${service.slug}"`);
  return row;
}

/** That version with its contract, ready for checkExchange. */
export async function checkedVersion(db: Db, service: { id: string; slug: string }, version?: string): Promise<CheckedVersion> {
  const row = await checkedVersionRow(db, service, version);
  const { document, operations } = await loadMockTarget(db, { serviceSlug: service.slug, version: row.version });
  return { versionId: row.id, version: row.version, revision: row.revision, target: { document, operations } };
}
