import type { IHttpOperation } from "@stoplight/types";
import type { Db } from "@/lib/db/types";
import { getVersionDocument, getVersionHead } from "@/lib/versions/get-version-document";
import { buildMockOperations } from "./mock-operations";
import type { MockTarget } from "./mock-request";

interface CachedDocument {
  document: Promise<Record<string, unknown>>;
  /** Prism's operations, built the first time the mock or the proxy needs them. */
  operations?: IHttpOperation[];
}

/** Parsed documents by content hash, newest use last: a few large ones are kept, not all (a process that built Stripe's operations held ~280 MB). */
const cache = new Map<string, CachedDocument>();
const CACHE_SIZE = 8;

async function cachedDocument(db: Db, input: { serviceSlug: string; version: string; revision?: number }) {
  const head = await getVersionHead(db, input);
  let entry = cache.get(head.contentHash);
  if (entry) cache.delete(head.contentHash);
  else {
    // Read and parse only on a miss: the page, the proxy and the mock all ask on every request.
    entry = { document: getVersionDocument(db, input).then((stored) => JSON.parse(stored.json) as Record<string, unknown>) };
    entry.document.catch(() => cache.delete(head.contentHash));
  }
  cache.set(head.contentHash, entry);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { entry, revision: head.revision };
}

/** One stored version's document (the given revision, else the newest), parsed once per content and kept. */
export async function loadStoredDocument(db: Db, input: { serviceSlug: string; version: string; revision?: number }) {
  const { entry, revision } = await cachedDocument(db, input);
  return { document: await entry.document, revision };
}

/**
 * The mock for one stored version (its newest revision): the document and Prism's operations for it,
 * built once per document content and kept for the next request.
 */
export async function loadMockTarget(db: Db, input: { serviceSlug: string; version: string }): Promise<MockTarget & { revision: number }> {
  const { entry, revision } = await cachedDocument(db, input);
  const document = await entry.document;
  entry.operations ??= buildMockOperations(document);
  return { document, operations: entry.operations, revision };
}
