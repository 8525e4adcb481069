/**
 * Answers that carry what a published document or a called API said (the mock's and Try it out's) are
 * served from the portal's origin, so nothing in them may act on that origin: no cookies, no redirects
 * or refreshes, no security policy of their own, no cross-origin grants, no credential prompts, no
 * service-worker scope. Every such answer is sandboxed (no scripts, an opaque origin) and anything but
 * JSON is a download when a browser navigates to it, never a page of the portal.
 */
const DROPPED = new Set([
  // The connection's own.
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
  "trailer",
  "upgrade",
  // Acting on the portal's origin.
  "set-cookie",
  "set-cookie2",
  "location",
  "refresh",
  "content-security-policy",
  "content-security-policy-report-only",
  "strict-transport-security",
  "clear-site-data",
  "www-authenticate",
  "proxy-authenticate",
  "service-worker-allowed",
  "content-disposition",
  "x-frame-options",
  "permissions-policy",
  "feature-policy",
  "cross-origin-opener-policy",
  "cross-origin-embedder-policy",
  "cross-origin-resource-policy",
  "origin-agent-cluster",
  "alt-svc",
  "x-content-type-options",
  "cache-control",
]);
const DROPPED_PREFIXES = ["access-control-", "x-wayfinder-", "x-nextjs-", "x-middleware-"];

/** Where the upstream's Location is shown instead, so the docs still say where a 201 or 3xx points. */
export const UPSTREAM_LOCATION_HEADER = "X-Wayfinder-Upstream-Location";

/** The sandbox every mock and proxy answer is served in. */
export const SANDBOX_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.-]+\+)?json\b/i.test(contentType.trim());
}

/** The upstream's headers without those that would act on the portal's origin, plus the sandbox. */
export function upstreamHeaders(source: Headers | Record<string, string>): Headers {
  const headers = new Headers();
  // Not `instanceof Headers`: undici's own copy (the fetcher's) is another class than the global one.
  const entries = typeof source.entries === "function" ? [...(source as Headers).entries()] : Object.entries(source);
  for (const [rawName, value] of entries) {
    const name = rawName.toLowerCase();
    if (name === "location") {
      headers.set(UPSTREAM_LOCATION_HEADER, value.replace(/[^\x20-\x7e]/g, "?").slice(0, 2000));
      continue;
    }
    if (DROPPED.has(name) || DROPPED_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    try {
      headers.append(name, value);
    } catch {
      // A header value the Fetch API refuses (a control character) is not forwarded.
    }
  }
  headers.set("Content-Security-Policy", SANDBOX_POLICY);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Cache-Control", "no-store");
  if (!isJson(headers.get("content-type"))) headers.set("Content-Disposition", "attachment");
  return headers;
}
