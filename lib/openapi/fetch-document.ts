import { AppError } from "@/lib/platform/errors";
import { safeFetch, type SafeResponse } from "@/lib/platform/fetch/safe-fetch";
import type { FetchPolicy } from "@/lib/platform/fetch-policy";
import { bundleDocument } from "@/lib/openapi/bundle-document";
import { invalidDocument } from "@/lib/openapi/document-error";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { decodeUtf8, parseDocumentText } from "@/lib/openapi/parse-document";
import type { PreparedDocument } from "@/lib/openapi/prepare-document";

export type FetchOutcome = { kind: "not-modified" } | { kind: "fetched"; prepared: PreparedDocument; etag: string | null; lastModified: string | null };

/** A URL source's root file fetched: its text, its parsed data, and how to join the files its `$ref`s name. */
export type FetchedSource =
  { kind: "not-modified" } | { kind: "fetched"; root: unknown; bundle: () => Promise<unknown>; etag: string | null; lastModified: string | null };

function expectOk(response: SafeResponse): void {
  if (response.status < 200 || response.status >= 300)
    throw new AppError("FETCH_FAILED", `${response.url} answered HTTP ${response.status}.`, { url: response.url, status: response.status });
}

/**
 * Fetches a service's document from its URL, and (through `bundle`) any files its relative `$ref`s
 * name on the same origin, all within one time budget; sends the previous validators so an unchanged
 * document costs a 304. A `$ref` to another origin (or to `file:`) is refused, never fetched. The
 * caller reads the root first: an AsyncAPI document is read by its own parser (lib/asyncapi).
 */
export async function fetchSource(
  url: string,
  options: { policy: FetchPolicy; limits: IngestLimits; etag?: string | null; lastModified?: string | null },
): Promise<FetchedSource> {
  // One deadline for everything; each fetch gets its own signal for the time left (a shared signal
  // would collect an abort listener per fetch, thousands for a large multi-file document).
  const deadline = Date.now() + options.limits.fetchTimeoutMs;
  const timeLeft = () => AbortSignal.timeout(Math.max(1, deadline - Date.now()));
  const conditional: Record<string, string> = {};
  if (options.etag) conditional["If-None-Match"] = options.etag;
  if (options.lastModified) conditional["If-Modified-Since"] = options.lastModified;
  const root = await safeFetch(url, { policy: options.policy, maxBytes: options.limits.maxBytes, signal: timeLeft(), headers: conditional });
  if (root.status === 304) return { kind: "not-modified" };
  expectOk(root);
  const rootUrl = new URL(root.url);
  let remaining = options.limits.maxBytes - root.body.byteLength;
  const rootText = decodeUtf8(root.body);
  const rootData = parseDocumentText(rootText, options.limits);

  const bundle = () =>
    bundleDocument(
      rootUrl,
      async (fileUrl) => {
        if (fileUrl.href.split("#")[0] === rootUrl.href) return rootText;
        if (fileUrl.origin !== rootUrl.origin) {
          throw invalidDocument("A $ref points to another origin", [
            { message: `"${fileUrl.href}" is not on ${rootUrl.origin}; a URL source's $refs may only reach files on its own origin` },
          ]);
        }
        const file = await safeFetch(fileUrl.href, { policy: options.policy, maxBytes: Math.max(remaining, 0), signal: timeLeft() });
        expectOk(file);
        remaining -= file.body.byteLength;
        return decodeUtf8(file.body);
      },
      options.limits,
      (fileUrl) => (fileUrl.split("#")[0] === rootUrl.href ? { data: rootData } : undefined),
    );
  return { kind: "fetched", root: rootData, bundle, etag: root.headers.get("etag"), lastModified: root.headers.get("last-modified") };
}
