import type { Db } from "@/lib/platform/db/types";
import { notFound } from "@/lib/platform/errors";
import { specFormatFromDb, type SpecFormat } from "@/lib/openapi/spec-format";

export interface VersionDocument {
  id: string;
  serviceId: string;
  version: string;
  revision: number;
  format: SpecFormat;
  contentHash: string;
  /** The stored document as JSON text, ready to send as it is. */
  json: string;
}

type VersionInput = { serviceSlug: string; version: string; revision?: number };

const whereVersion = (input: VersionInput) => ({
  service: { slug: input.serviceSlug },
  version: input.version,
  pendingSince: null,
  ...(input.revision ? { revision: input.revision } : {}),
});

function versionNotFound(input: VersionInput) {
  const which = input.revision ? `version ${input.version} revision ${input.revision}` : `version ${input.version}`;
  return notFound(`${which[0]!.toUpperCase()}${which.slice(1)} of service "${input.serviceSlug}"`);
}

/**
 * The stored document of one version of a service: the given revision, or the newest revision of that
 * version when none is given.
 */
export async function getVersionDocument(db: Db, input: VersionInput): Promise<VersionDocument> {
  const row = await db.apiVersion.findFirst({
    where: whereVersion(input),
    orderBy: { revision: "desc" },
    select: { id: true, serviceId: true, version: true, revision: true, format: true, contentHash: true, document: { select: { json: true } } },
  });
  if (!row?.document) throw versionNotFound(input);
  return {
    id: row.id,
    serviceId: row.serviceId,
    version: row.version,
    revision: row.revision,
    format: specFormatFromDb(row.format),
    contentHash: row.contentHash,
    json: row.document.json,
  };
}

/** Which revision that is and its content hash, without reading the document (for callers that cache it by hash). */
export async function getVersionHead(db: Db, input: VersionInput): Promise<{ id: string; revision: number; contentHash: string }> {
  const row = await db.apiVersion.findFirst({
    where: whereVersion(input),
    orderBy: { revision: "desc" },
    select: { id: true, revision: true, contentHash: true },
  });
  if (!row) throw versionNotFound(input);
  return row;
}
