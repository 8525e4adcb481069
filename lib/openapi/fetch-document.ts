import { AppError } from "@/lib/platform/errors";
import { safeFetch, type SafeResponse } from "@/lib/platform/fetch/safe-fetch";
import type { FetchPolicy } from "@/lib/platform/fetch-policy";
import { bundleDocument } from "@/lib/openapi/bundle-document";
import { invalidDocument } from "@/lib/openapi/document-error";
import type { IngestLimits } from "@/lib/platform/limits/ingest-limits";
import { decodeUtf8 } from "@/lib/openapi/parse-document";
import { prepareParsed, type PreparedDocument } from "@/lib/openapi/prepare-document";

export type FetchOutcome = { kind: "not-modified" } | { kind: "fetched"; prepared: PreparedDocument; etag: string | null; lastModified: string | null };

function expectOk(response: SafeResponse): void {
  if (response.status < 200 || response.status >= 300)
    throw new AppError("FETCH_FAILED", `${response.url} answered HTTP ${response.status}.`, { url: response.url, status: response.status });
}

/**
 * Fetches a service's document from its URL, and any files its relative `$ref`s name on the same
 * origin, all within one time budget; sends the previous validators so an unchanged document costs a
 * 304. A `$ref` to another origin (or to `file:`) is refused, never fetched.
 */
export async function fetchDocument(
  url: string,
  options: { policy: FetchPolicy; limits: IngestLimits; etag?: string | null; lastModified?: string | null },
): Promise<FetchOutcome> {
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

  const document = await bundleDocument(
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
  );
  return { kind: "fetched", prepared: await prepareParsed(document), etag: root.headers.get("etag"), lastModified: root.headers.get("last-modified") };
}
