import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { env } from "@/lib/env";
import { AppError, isAppError, issueDetails } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/request-origin";
import { hasValidCsrfToken } from "@/lib/security/csrf";
import { logger } from "@/lib/logger";

/** Turns anything thrown into the error shape; unknown errors are logged and hidden from the caller. */
export function errorResponse(error: unknown, request?: Request): Response {
  let appError: AppError;
  if (isAppError(error) && error.code === "DATABASE_UNAVAILABLE") {
    // The detailed message (which host, why) is for the log, not for every caller.
    logger.warn({ event: "db.unavailable", error: error.message }, "database unavailable");
    appError = databaseUnavailable();
  } else if (isAppError(error)) {
    appError = error;
  } else if (isDatabaseUnavailable(error)) {
    logger.warn(
      {
        event: "db.unavailable",
        method: request?.method,
        path: request ? new URL(request.url).pathname : undefined,
        error: (error as Error).message.split("\n")[0],
      },
      "database unavailable",
    );
    appError = databaseUnavailable();
  } else if (error instanceof ZodError) {
    appError = new AppError(
      "VALIDATION_FAILED",
      `Invalid ${error.issues[0]?.path.join(".") || "input"}: ${error.issues[0]?.message ?? "malformed"}`,
      issueDetails(error.issues),
    );
  } else {
    logger.error(
      { event: "http.unhandled", method: request?.method, path: request ? new URL(request.url).pathname : undefined, err: error },
      "unhandled error",
    );
    appError = new AppError("INTERNAL", "Something went wrong on our side; the error has been logged.");
  }
  const retryAfter = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  return Response.json(appError.toBody(), {
    status: appError.status,
    headers: appError.code === "TOO_MANY_REQUESTS" && retryAfter ? { "Retry-After": String(retryAfter) } : {},
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated changes need the CSRF header (lib/security/csrf.ts) as well as our own Origin.
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
) {
  return async (request: Request, context: C): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    let actorKind = "unknown";
    try {
      // Imported here so that the error model above stays free of next-auth for the tests.
      const { requestActor, assertMayRead } = await import("@/lib/auth");
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
  };
}

/** For routes that are not operations of the contract (the catch-all 404, the Atom feed); operations use `defineRoute`. */
export function apiRoute(handler: (request: Request, actor: Actor) => Promise<Response>) {
  return handleApiRequest<unknown>((request, _context, actor) => handler(request, actor));
}
