import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { parseFetchPolicy } from "@/lib/platform/fetch-policy";
import { safeFetch } from "@/lib/platform/fetch/safe-fetch";
import { ingestLimitsFromEnv } from "@/lib/platform/limits/ingest-limits";
import { decodeUtf8 } from "@/lib/openapi/parse-document";
import type { PreparedEventDocument } from "@/lib/asyncapi/prepare-event-document";
import type { PreparedDocument } from "@/lib/openapi/prepare-document";
import { runPipeline } from "@/lib/pipeline/run-pipeline";

/** The largest catalog file read, pasted or fetched. */
export const MAX_CATALOG_BYTES = 5_000_000;

/**
 * Backstage's placeholders for a definition kept in another file (`definition: { $text: ./openapi.yaml }`),
 * the form most catalogs use. `$openapi` also inlines the `$ref`s; here every fetched document has its
 * relative `$ref`s followed on its own origin, so both read the same.
 */
const SUBSTITUTIONS = ["$text", "$openapi", "$yaml", "$json"] as const;

/** The file a definition names through a substitution, or undefined for an inline definition. */
export function substitutionOf(definition: unknown): { kind: string; target: string } | undefined {
  if (!definition || typeof definition !== "object" || Array.isArray(definition)) return undefined;
  const entries = Object.entries(definition as Record<string, unknown>);
  if (entries.length !== 1) return undefined;
  const [kind, target] = entries[0]!;
  return SUBSTITUTIONS.includes(kind as (typeof SUBSTITUTIONS)[number]) && typeof target === "string" ? { kind, target } : undefined;
}

/** The catalog file at a URL, through the SSRF-safe fetcher and its allowlist (WAYFINDER_FETCH_ALLOW). */
export async function fetchCatalog(url: string): Promise<{ url: string; text: string }> {
  const limits = ingestLimitsFromEnv();
  const response = await safeFetch(url, {
    policy: parseFetchPolicy(env().WAYFINDER_FETCH_ALLOW),
    maxBytes: MAX_CATALOG_BYTES,
    signal: AbortSignal.timeout(limits.fetchTimeoutMs),
    tooLarge: (at) => new AppError("PAYLOAD_TOO_LARGE", `The catalog file at ${at} is over ${MAX_CATALOG_BYTES} bytes.`),
  });
  if (response.status < 200 || response.status >= 300)
    throw new AppError("FETCH_FAILED", `${response.url} answered HTTP ${response.status}.`, { url: response.url, status: response.status });
  return { url: response.url, text: decodeUtf8(response.body) };
}

/**
 * A substituted definition, fetched relative to the catalog file's URL through the same fetcher (its
 * allowlist, limits and deadline, off the main thread), with its relative `$ref`s on the same origin.
 */
export async function fetchDefinition(
  catalogUrl: string,
  target: string,
): Promise<{ kind: "http"; prepared: PreparedDocument } | { kind: "event"; prepared: PreparedEventDocument }> {
  const url = new URL(target, catalogUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AppError("BAD_REQUEST", `The definition "${target}" is not an http(s) address relative to ${catalogUrl}.`);
  const outcome = await runPipeline("fetchDocument", {
    url: url.href,
    allow: env().WAYFINDER_FETCH_ALLOW,
    limits: ingestLimitsFromEnv(),
    etag: null,
    lastModified: null,
  });
  if (outcome.kind === "not-modified") throw new AppError("FETCH_FAILED", `${url.href} answered without a document.`);
  return outcome.kind === "fetched-event" ? { kind: "event", prepared: outcome.prepared } : { kind: "http", prepared: outcome.prepared };
}
