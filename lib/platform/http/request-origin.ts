import { AppError } from "@/lib/platform/errors";

/**
 * The origin (scheme, host and port) the browser used to reach us. Forwarded headers are believed only
 * when the operator says a proxy sets them (WAYFINDER_TRUST_PROXY=true); otherwise anyone could claim
 * any host with X-Forwarded-Host.
 */
export function requestOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  const forwardedProto = trustProxy ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const forwardedHost = trustProxy ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const protocol = forwardedProto ? `${forwardedProto}:` : url.protocol;
  const host = forwardedHost ?? request.headers.get("host") ?? url.host;
  return new URL(`${protocol}//${host}`).origin;
}

/**
 * A browser sends the session cookie with any request to us, including one a hostile page makes, so a
 * change must come from our own origin: scheme, host and port all equal. `Origin: null` (sandboxed
 * frames, some redirects) and malformed values are refused; requests without Origin (not from a
 * browser) pass here and still need the CSRF header when a cookie authenticates them.
 */
export function assertSameOrigin(request: Request, trustProxy: boolean): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    throw new AppError("FORBIDDEN", "The Origin header is malformed; changes must come from the portal itself.");
  }
  if (parsed === "null" || parsed !== requestOrigin(request, trustProxy)) throw new AppError("FORBIDDEN", "Cross-origin requests may not change anything.");
}
