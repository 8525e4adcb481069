import type { Db } from "@/lib/db/types";
import { getVersionDocument } from "@/lib/versions/get-version-document";
import { buildMockOperations } from "./mock-operations";
import type { MockTarget } from "./mock-request";

/** Built targets by content hash, newest use last: a few large documents (Stripe's holds ~280 MB while built) are kept, not all. */
const cache = new Map<string, Promise<MockTarget>>();
const CACHE_SIZE = 8;

/**
 * The mock for one stored version (its newest revision): the document and Prism's operations for it,
 * built once per document content and kept for the next request.
 */
export async function loadMockTarget(db: Db, input: { serviceSlug: string; version: string }): Promise<MockTarget & { revision: number }> {
  const stored = await getVersionDocument(db, input);
  let target = cache.get(stored.contentHash);
  if (target) cache.delete(stored.contentHash);
  else
    target = Promise.resolve().then(() => {
      const document = JSON.parse(stored.json) as Record<string, unknown>;
      return { document, operations: buildMockOperations(document) };
    });
  cache.set(stored.contentHash, target);
  target.catch(() => cache.delete(stored.contentHash));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { ...(await target), revision: stored.revision };
}
