import type { Db } from "@/lib/db/types";
import { notFound } from "@/lib/errors";
import { specFormatFromDb, type SpecFormat } from "@/lib/openapi/spec-format";

export interface VersionDocument {
  version: string;
  revision: number;
  format: SpecFormat;
  contentHash: string;
  /** The stored document as JSON text, ready to send as it is. */
  json: string;
}

/**
 * The stored document of one version of a service: the given revision, or the newest revision of that
 * version when none is given.
 */
export async function getVersionDocument(db: Db, input: { serviceSlug: string; version: string; revision?: number }): Promise<VersionDocument> {
  const row = await db.apiVersion.findFirst({
    where: { service: { slug: input.serviceSlug }, version: input.version, ...(input.revision ? { revision: input.revision } : {}) },
    orderBy: { revision: "desc" },
    select: { version: true, revision: true, format: true, contentHash: true, document: { select: { json: true } } },
  });
  if (!row?.document) {
    const which = input.revision ? `version ${input.version} revision ${input.revision}` : `version ${input.version}`;
    throw notFound(`${which[0]!.toUpperCase()}${which.slice(1)} of service "${input.serviceSlug}"`);
  }
  return { version: row.version, revision: row.revision, format: specFormatFromDb(row.format), contentHash: row.contentHash, json: row.document.json };
}
