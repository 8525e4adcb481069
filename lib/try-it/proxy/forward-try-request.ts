import { AppError } from "@/lib/platform/errors";
import { isNamedByPolicy, urlPort } from "@/lib/platform/fetch-policy";
import { safeFetch } from "@/lib/platform/fetch/safe-fetch";
import { upstreamHeaders } from "@/lib/platform/http/upstream-response";
import { securitySchemesOf } from "@/lib/openapi/security-schemes";
import { declaredServers, declaredTokenUrls, isUnderServer } from "./declared-targets";
import type { TrySettings } from "./try-settings";

/** Request headers that are the connection's or the portal's, never the API's. */
const DROPPED_REQUEST_HEADERS = new Set([
  "cookie",
  "host",
  "connection",
  "keep-alive",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-length",
  "accept-encoding",
  "origin",
  "referer",
  "forwarded",
  "via",
  "x-real-ip",
  // Set on the request by the portal itself (proxy.ts, the server), never the caller's.
  "x-nonce",
  "content-security-policy",
  "permissions-policy",
]);
const DROPPED_REQUEST_PREFIXES = ["sec-", "x-forwarded-", "x-wayfinder-", "next-", "x-nextjs-", "x-middleware-"];

/** The header a browser cannot set itself (Cookie), which Swagger UI's cookie API keys travel in instead. */
export const API_COOKIE_HEADER = "x-wayfinder-cookie";

export interface TryRequest {
  target: string;
  method: string;
  headers: Headers;
  body?: Uint8Array;
}

export interface TryResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  latencyMs: number;
}

function refused(target: URL, why: string): AppError {
  return new AppError("FETCH_REFUSED", `Try it out does not call ${target.host}: ${why}`, { reason: "allowlist", host: target.host });
}

/**
 * Checks a target against what the proxy may call: under a server this stored version declares (or one
 * of its OAuth token URLs), always. WAYFINDER_TRY_ALLOW only lets such a declared server be on an
 * internal network; it never makes a host reachable through a document that does not declare it, or
 * the portal's network position would be lent to anyone who can read any service. Everything else is
 * refused before any connection, naming the host.
 */
export function assertTryTarget(rawTarget: string, document: Record<string, unknown>, settings: TrySettings): URL {
  let target: URL;
  try {
    target = new URL(rawTarget);
  } catch {
    throw new AppError("BAD_REQUEST", `The target "${rawTarget.slice(0, 200)}" is not an absolute URL.`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") throw refused(target, `only http and https are called, not ${target.protocol}`);
  if (target.username || target.password) throw refused(target, "URLs with credentials in them are not called");
  const declared =
    isUnderServer(target, declaredServers(document, settings.portal)) || declaredTokenUrls(document).includes(`${target.origin}${target.pathname}`);
  if (!declared)
    throw refused(
      target,
      isNamedByPolicy(settings.policy, target.hostname, urlPort(target))
        ? "this version of the API does not declare it as a server (WAYFINDER_TRY_ALLOW lets declared servers be internal; it does not add servers)."
        : "it is not a server this version of the API declares.",
    );
  return target;
}

/** The names of the headers a document's API-key schemes send credentials in (dropped on a redirect elsewhere). */
function apiKeyHeaders(document: Record<string, unknown>): string[] {
  return Object.values(securitySchemesOf(document)).flatMap((scheme) =>
    scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string" ? [scheme.name] : [],
  );
}

/**
 * Sends one Try it out request on: only the API's own headers (never the portal's cookies or session,
 * nor hop-by-hop headers), through the SSRF-safe fetcher (internal addresses only where
 * WAYFINDER_TRY_ALLOW allows them, every redirect re-checked, credentials dropped when a redirect leaves
 * the first origin), within the time and size limits. Returns what the API answered, whatever its status.
 */
export async function forwardTryRequest(request: TryRequest, document: Record<string, unknown>, settings: TrySettings): Promise<TryResponse> {
  const target = assertTryTarget(request.target, document, settings);
  if (request.body && request.body.byteLength > settings.maxRequestBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `Try it out sends request bodies of at most ${settings.maxRequestBytes} bytes (WAYFINDER_TRY_MAX_REQUEST_BYTES).`);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    if (DROPPED_REQUEST_HEADERS.has(name) || DROPPED_REQUEST_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    headers[name] = value;
  }
  const apiCookie = request.headers.get(API_COOKIE_HEADER);
  if (apiCookie) headers.cookie = apiCookie;
  headers["user-agent"] ??= "Wayfinder Try it out";
  const started = performance.now();
  const response = await safeFetch(target.href, {
    policy: settings.policy,
    maxBytes: settings.maxResponseBytes,
    signal: AbortSignal.timeout(settings.timeoutMs),
    method: request.method,
    body: request.body,
    headers,
    credentialHeaders: ["authorization", "cookie", ...apiKeyHeaders(document)],
    allowSetting: "WAYFINDER_TRY_ALLOW",
    timeoutSetting: "WAYFINDER_TRY_TIMEOUT_MS",
    tooLarge: (url) =>
      new AppError("PAYLOAD_TOO_LARGE", `The response from ${url} exceeds ${settings.maxResponseBytes} bytes (WAYFINDER_TRY_MAX_RESPONSE_BYTES).`, {
        reason: "too_large",
      }),
  });
  return { status: response.status, headers: upstreamHeaders(response.headers), body: response.body, latencyMs: Math.round(performance.now() - started) };
}
