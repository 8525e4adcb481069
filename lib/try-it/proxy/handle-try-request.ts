import { assertMayRead } from "@/lib/auth/read-rule";
import { sessionActor } from "@/lib/auth/session-actor";
import { tokenActor } from "@/lib/auth/request-actor";
import { recordObservedCall } from "@/lib/consumers/record-operation-use";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { AppError, isAppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/error-response";
import { instrumented } from "@/lib/platform/http/instrumented";
import { clientAddress } from "@/lib/platform/http/client-address";
import { readBodyCapped } from "@/lib/platform/http/read-body";
import { assertSameOrigin } from "@/lib/platform/http/request-origin";
import { logger } from "@/lib/platform/logger";
import { loadMockTarget } from "@/lib/try-it/mock/load-mock-target";
import type { MockTarget } from "@/lib/try-it/mock/mock-request";
import { matchOperation } from "./match-operation";
import { countAttempt } from "@/lib/platform/security/rate-limit";
import { hasValidCsrfToken } from "@/lib/platform/security/csrf";
import { forwardTryRequest } from "./forward-try-request";
import { recordTryCall } from "@/lib/try-it/first-call/record-try-event";
import { trySettings, type TrySettings } from "./try-settings";

/** The header Swagger UI's request interceptor puts the real URL in. */
export const TARGET_HEADER = "x-wayfinder-target";
/**
 * A consuming service's Wayfinder token, for calls made from scripts and tests rather than the docs
 * (Authorization is the API's own credential): the call is then made in the name of the token's
 * service, and recorded as that service's observed use of the operation. Never forwarded (the proxy
 * drops every x-wayfinder-* header).
 */
export const CONSUMER_TOKEN_HEADER = "x-wayfinder-token";

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
  // A token in its own header is no ambient credential a page could make the browser send: the
  // cross-site checks below guard the session cookie.
  if (actor.kind === "token") {
    if (!actor.serviceId)
      throw new AppError("FORBIDDEN", `Calls with ${CONSUMER_TOKEN_HEADER} need a token scoped to one service: the consumer they are recorded for.`);
    return;
  }
  // Every method, GET included: the proxy sends requests in the caller's name, so only the portal's own pages may ask.
  assertSameOrigin(request, env().WAYFINDER_TRUST_PROXY ?? false);
  if (!hasValidCsrfToken(request)) throw new AppError("FORBIDDEN", "Try it out requests need the portal's CSRF token: send them from the portal's docs.");
}

/** One real response the proxy got, for a higher layer to look at (lib/conformance checks it against the contract). */
export interface ProxiedCall {
  actor: Actor;
  serviceSlug: string;
  version: string;
  /** The stored version (its newest revision) the call was checked against. */
  versionId: string;
  target: MockTarget;
  method: string;
  url: URL;
  portal: URL;
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** What the proxy does with each real response beyond passing it on: the headers it adds to it. */
export type ResponseInspector = (call: ProxiedCall) => Promise<Record<string, string>>;

/**
 * `/api/try/{slug}/{version}`: Try it out's server-side proxy. The caller is the session's user (the
 * Authorization header is the API's own credential); calls are counted per person, logged with who,
 * which operation, status and latency (never bodies, credentials or query strings), and a 2xx counts
 * toward time to first call.
 */
export function tryProxy(inspect?: ResponseInspector) {
  return instrumented(
    "/api/try/{slug}/{version}",
    (request: Request, context: { params: Promise<{ slug: string; version: string }> }) => handleTryRequest(request, context, inspect),
    "X-Wayfinder-Request-Id",
  );
}

async function handleTryRequest(
  request: Request,
  context: { params: Promise<{ slug: string; version: string }> },
  inspect?: ResponseInspector,
): Promise<Response> {
  const started = performance.now();
  const { slug, version } = await context.params;
  let status = 500;
  let who = "anonymous";
  let operation: string | null = null;
  let host: string | undefined;
  try {
    const consumerToken = request.headers.get(CONSUMER_TOKEN_HEADER);
    const actor = consumerToken ? await tokenActor(request, consumerToken) : await sessionActor();
    const settings = trySettings();
    assertMayTry(actor, request, settings);
    who =
      actor.kind === "user"
        ? actor.userId
        : actor.kind === "token"
          ? `token:${actor.tokenId}`
          : `anonymous@${clientAddress(request, env().WAYFINDER_TRUST_PROXY ?? false)}`;
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
    const url = new URL(rawTarget);
    host = url.host;
    operation = matchOperation(target, request.method, url, settings.portal);
    status = response.status;
    if (actor.kind === "user")
      await recordTryCall(db, { userId: actor.userId, serviceSlug: slug, via: "proxy", operation, status, latencyMs: response.latencyMs });
    if (actor.kind === "token" && actor.serviceId && operation) await recordObservedCall(db, { consumerId: actor.serviceId, providerSlug: slug, operation });
    const headers = new Headers(response.headers);
    headers.set("X-Wayfinder-Proxy-Ms", String(response.latencyMs));
    const added = inspect
      ? await inspect({
          actor,
          serviceSlug: slug,
          version,
          versionId: target.versionId,
          target,
          method: request.method,
          url,
          portal: settings.portal,
          status,
          headers: response.headers,
          body: response.body,
        })
      : {};
    for (const [name, value] of Object.entries(added)) headers.set(name, value);
    return new Response(status === 204 || status === 304 || request.method === "HEAD" ? null : Buffer.from(response.body), { status, headers });
  } catch (error) {
    const response = proxyFailure(error, request);
    status = response.status;
    return response;
  } finally {
    logger.info({ event: "try.call", who, service: slug, version, host, operation, status, ms: Math.round(performance.now() - started) });
  }
}
