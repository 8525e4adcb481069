import { NextResponse, type NextRequest } from "next/server";
import { authSettingsFromEnv } from "@/lib/auth/auth-settings";
import { DATABASE_DOWN_PAGE, RETRY_AFTER_SECONDS, databaseDown } from "@/lib/platform/db/database-probe";
import { markdownRewrite } from "@/lib/machine-docs/markdown-rewrite";
import { env } from "@/lib/platform/env";
import { requestIdFor } from "@/lib/platform/http/request-id";
import { CSRF_COOKIE } from "@/lib/platform/security/csrf-names";
import { securityHeaders } from "@/lib/platform/security/security-headers";

/**
 * Runs before every page and API request: a fresh CSP nonce for the page's scripts (passed to the
 * render in the request's own CSP header, where Next.js picks it up, and as x-nonce for our inline
 * theme script), the security headers, and the CSRF cookie the portal's scripts echo back on changes.
 * A page shared by readers not signed in is answered from a kept render without coming here
 * (scripts/page-cache.mjs), which makes the nonce, request id and CSRF cookie anew for each answer: a
 * value added here that must differ per request needs the same there.
 */
let origins: string[] | undefined;

/** Where sign-in forms may send the browser (the OIDC issuer, GitHub): fixed for the process, worked out once. */
function signInOrigins(): string[] {
  if (!origins) {
    const settings = authSettingsFromEnv(env());
    origins = [settings.oidc ? new URL(settings.oidc.issuer).origin : null, settings.github ? "https://github.com" : null].filter(
      (origin): origin is string => origin !== null,
    );
  }
  return origins;
}

export async function proxy(request: NextRequest) {
  // Next.js would fail with a 500 decoding a malformed path (`/services/%ZZ`): that is the caller's mistake.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    const message = "The address has malformed percent-encoding.";
    return request.nextUrl.pathname.startsWith("/api/")
      ? Response.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 })
      : new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const config = env();
  // With the database away a page would fail with a 500 (an error boundary cannot set a status): say so with a 503.
  if (!request.nextUrl.pathname.startsWith("/api/") && (await databaseDown()))
    return new Response(DATABASE_DOWN_PAGE, {
      status: 503,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Retry-After": String(RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      },
    });
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    https: (config.NEXTAUTH_URL ?? request.url).startsWith("https:"),
    development: config.NODE_ENV === "development",
    signInOrigins: signInOrigins(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The page's request id (a load balancer's, or a new one), passed on to the render and returned.
  const requestId = requestIdFor(request);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // A page's Markdown (`/services/x.md`, `?format=md`) is served by the routes under /md.
  const markdown = markdownRewrite(request.nextUrl);
  const response = markdown
    ? NextResponse.rewrite(new URL(markdown, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("X-Request-Id", requestId);
  if (!request.cookies.get(CSRF_COOKIE)) {
    const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    // Readable by the portal's scripts (they copy it into a header), never sent cross-site.
    response.cookies.set(CSRF_COOKIE, token, { path: "/", sameSite: "strict", secure: headers["Strict-Transport-Security"] !== undefined, httpOnly: false });
  }
  return response;
}

/**
 * Not the REST API, the Try it out proxy or the mock (next-auth's routes excepted): Next.js buffers a
 * proxied request's body (10 MB at most, cut silently beyond), and these routes read theirs as a stream
 * with their own limits. Their security headers come from next.config.mjs (a sandbox, as they serve
 * data, never pages), and the server (scripts/serve.mjs) answers malformed addresses for them.
 */
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/(?!auth/)|mock/).*)" }],
};
