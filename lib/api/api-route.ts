import type { Actor } from "@/lib/auth/actor";
import { assertMayRead } from "@/lib/auth/read-rule";
import { requestActor } from "@/lib/auth/request-actor";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/error-response";
import { instrumented } from "@/lib/platform/http/instrumented";
import { assertSameOrigin } from "@/lib/platform/http/request-origin";
import { hasValidCsrfToken } from "@/lib/platform/security/csrf";
import { logger } from "@/lib/platform/logger";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated changes need the CSRF header (lib/platform/security/csrf.ts) as well as our own Origin.
 * Bearer tokens are never sent by a browser on its own, so token calls need neither.
 */
function assertChangeFromPortal(request: Request, actor: Actor): void {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return;
  assertSameOrigin(request, env().WAYFINDER_TRUST_PROXY ?? false);
  if (actor.kind === "user" && !hasValidCsrfToken(request)) {
    throw new AppError("FORBIDDEN", "This change lacks the portal's CSRF token: make it from the portal's own pages, or with an API token.");
  }
}

/**
 * Runs one REST request: resolves the caller (token or session), enforces WAYFINDER_REQUIRE_SIGNIN
 * and same-origin changes, maps errors to the JSON error shape, and logs one line per request
 * (method, path, status, duration, actor kind; never headers or bodies). `defineRoute` builds on it.
 */
export function handleApiRequest<C>(
  run: (request: Request, context: C, actor: Actor) => Promise<Response>,
  answered?: (status: number, request: Request) => void,
  /** The route template requests are counted under in /metrics (`/api/v1/services/{slug}`). */
  route = "/api/v1/*",
) {
  return instrumented(route, async (request: Request, context: C): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    let actorKind = "unknown";
    try {
      const actor = await requestActor(request);
      actorKind = actor.kind;
      assertChangeFromPortal(request, actor);
      // Every change needs someone: anonymous callers get 401 before any input is looked at.
      if (!SAFE_METHODS.has(request.method) && actor.kind === "anonymous")
        throw new AppError("UNAUTHORIZED", "Sign in (or send an API token) to make changes.");
      assertMayRead(actor);
      response = await run(request, context, actor);
    } catch (error) {
      response = errorResponse(error, request);
    }
    answered?.(response.status, request);
    logger.info({
      event: "http.request",
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      actor: actorKind,
      ms: Math.round(performance.now() - started),
    });
    return response;
  });
}

/** For routes that are not operations of the contract (the catch-all 404, the Atom feed); operations use `defineRoute`. */
export function apiRoute(route: string, handler: (request: Request, actor: Actor) => Promise<Response>) {
  return handleApiRequest<unknown>((request, _context, actor) => handler(request, actor), undefined, route);
}
