import type { Db } from "@/lib/platform/db/types";
import type { HttpMethod } from "@/lib/openapi/extract-operations";
import { operationSlice, overviewSlice } from "@/lib/openapi/operation-slice";
import { loadStoredDocument } from "@/lib/versions/load-stored-document";
import { getVersionHead } from "./get-version-document";

/** Slices by version content and operation, newest use last, up to a total size (a Stripe slice is up to ~1 MB). */
const cache = new Map<string, string>();
const CACHE_CHARS = 64 * 1024 * 1024;
let cachedChars = 0;

/**
 * One operation of a stored version as a document of its own, as JSON text (see operationSlice), or
 * with neither method nor path its overview (overviewSlice),
 * prepared once per content and operation and kept: the docs of a large API load one of these per
 * operation opened instead of the whole document.
 */
export async function getOperationSlice(
  db: Db,
  input: { serviceSlug: string; version: string; revision?: number; method?: HttpMethod; path?: string },
): Promise<{ json: string; contentHash: string; revision: number }> {
  const head = await getVersionHead(db, input);
  const key = input.method && input.path ? `${head.contentHash} ${input.method} ${input.path}` : `${head.contentHash} overview`;
  let json = cache.get(key);
  if (json === undefined) {
    const { document } = await loadStoredDocument(db, { ...input, revision: head.revision }, head);
    if (input.method && input.path) {
      const { slice, info } = operationSlice(document, input.method, input.path);
      json = JSON.stringify({ ...slice, "x-wayfinder-slice": { of: `${input.method.toUpperCase()} ${input.path}`, ...info } });
    } else json = JSON.stringify({ ...overviewSlice(document), "x-wayfinder-slice": { of: "overview" } });
  } else {
    cache.delete(key);
    cachedChars -= json.length;
  }
  cache.set(key, json);
  cachedChars += json.length;
  for (const [oldest, text] of cache) {
    if (cachedChars <= CACHE_CHARS || oldest === key) break;
    cache.delete(oldest);
    cachedChars -= text.length;
  }
  return { json, contentHash: head.contentHash, revision: head.revision };
}
