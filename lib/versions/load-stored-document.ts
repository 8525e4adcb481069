import type { Db } from "@/lib/platform/db/types";
import { getVersionDocument, getVersionHead } from "./get-version-document";

/** Parsed documents by content hash, newest use last: a few large ones are kept, not all (a process that built Stripe's mock operations held ~280 MB). */
const cache = new Map<string, Promise<Record<string, unknown>>>();
const CACHE_SIZE = 8;

/**
 * One stored version's document (the given revision, else the newest), parsed once per content and
 * kept: the docs page, its operation slices, the proxy and the mock all ask on every request, and
 * only the version's head (revision and hash) is read from the database on a hit.
 */
export async function loadStoredDocument(
  db: Db,
  input: { serviceSlug: string; version: string; revision?: number },
  /** The version's head when the caller has read it already. */
  known?: { id: string; revision: number; contentHash: string },
) {
  const head = known ?? (await getVersionHead(db, input));
  let document = cache.get(head.contentHash);
  if (document) cache.delete(head.contentHash);
  else {
    document = getVersionDocument(db, input).then((stored) => JSON.parse(stored.json) as Record<string, unknown>);
    document.catch(() => cache.delete(head.contentHash));
  }
  cache.set(head.contentHash, document);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { document: await document, versionId: head.id, revision: head.revision, contentHash: head.contentHash };
}
