import { assertMayRead } from "@/lib/auth/read-rule";
import { sessionActor } from "@/lib/auth/session-actor";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { AppError, isAppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/error-response";
import { clientAddress } from "@/lib/platform/http/client-address";
import { readBodyCapped } from "@/lib/platform/http/read-body";
import { assertSameOrigin } from "@/lib/platform/http/request-origin";
import { logger } from "@/lib/platform/logger";
import { loadMockTarget } from "@/lib/try-it/mock/load-mock-target";
import { matchOperation } from "./match-operation";
import { countAttempt } from "@/lib/platform/security/rate-limit";
import { hasValidCsrfToken } from "@/lib/platform/security/csrf";
import { forwardTryRequest } from "./forward-try-request";
import { recordTryCall } from "@/lib/try-it/first-call/record-try-event";
import { trySettings, type TrySettings } from "./try-settings";

/** The header Swagger UI's request interceptor puts the real URL in. */
export const TARGET_HEADER = "x-wayfinder-target";

const STATUS_BY_REASON: Record<string, number> = { allowlist: 403, timeout: 504, too_large: 502 };

/** A failure of the proxy itself (not of the API), marked so the docs can say what really happened. */
function proxyFailure(error: unknown, request: Request): Response {
  const response = errorResponse(error, request);
  const reason = isAppError(error) ? ((error.details as { reason?: string } | undefined)?.reason ?? null) : null;
  const headers = new Headers(response.headers);
  headers.set("X-Wayfinder-Proxy-Error", reason ?? "other");
  const status = reason ? (STATUS_BY_REASON[reason] ?? 502) : response.status;
  return new Response(response.body, { status, headers });
}

function assertMayTry(actor: Actor, request: Request, settings: TrySettings): void {
  if (actor.kind === "anonymous" && !settings.anonymous)
    throw new AppError("UNAUTHORIZED", "Sign in to try APIs through the portal (anonymous readers can be let in with WAYFINDER_TRY_ANONYMOUS=true).");
  assertMayRead(actor);
  // Every method, GET included: the proxy sends requests in the caller's name, so only the portal's own pages may ask.
  assertSameOrigin(request, env().WAYFINDER_TRUST_PROXY ?? false);
  if (!hasValidCsrfToken(request)) throw new AppError("FORBIDDEN", "Try it out requests need the portal's CSRF token: send them from the portal's docs.");
}

/**
 * `/api/try/{slug}/{version}`: Try it out's server-side proxy. The caller is the session's user (the
 * Authorization header is the API's own credential); calls are counted per person, logged with who,
 * which operation, status and latency (never bodies, credentials or query strings), and a 2xx counts
 * toward time to first call.
 */
export async function handleTryRequest(request: Request, context: { params: Promise<{ slug: string; version: string }> }): Promise<Response> {
  const started = performance.now();
  const { slug, version } = await context.params;
  let status = 500;
  let who = "anonymous";
  let operation: string | null = null;
  let host: string | undefined;
  try {
    const actor = await sessionActor();
    const settings = trySettings();
    assertMayTry(actor, request, settings);
    who = actor.kind === "user" ? actor.userId : `anonymous@${clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)}`;
    const db = await getDb();
    await countAttempt(db, { action: "try-call", max: settings.callsPerMinute, windowSeconds: 60 }, who);
    const rawTarget = request.headers.get(TARGET_HEADER);
    if (!rawTarget) throw new AppError("BAD_REQUEST", `Say where the request goes in the ${TARGET_HEADER} header.`);
    const target = await loadMockTarget(db, { serviceSlug: slug, version });
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await readBodyCapped(request, settings.maxRequestBytes);
    const response = await forwardTryRequest(
      { target: rawTarget, method: request.method, headers: request.headers, body: body?.byteLength ? body : undefined },
      target.document,
      settings,
    );
    host = new URL(rawTarget).host;
    operation = matchOperation(target, request.method, new URL(rawTarget), settings.portal);
    status = response.status;
    if (actor.kind === "user")
      await recordTryCall(db, { userId: actor.userId, serviceSlug: slug, via: "proxy", operation, status, latencyMs: response.latencyMs });
    const headers = new Headers(response.headers);
    headers.set("X-Wayfinder-Proxy-Ms", String(response.latencyMs));
    return new Response(status === 204 || status === 304 || request.method === "HEAD" ? null : Buffer.from(response.body), { status, headers });
  } catch (error) {
    const response = proxyFailure(error, request);
    status = response.status;
    return response;
  } finally {
    logger.info({ event: "try.call", who, service: slug, version, host, operation, status, ms: Math.round(performance.now() - started) });
  }
}
