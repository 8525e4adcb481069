import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError, isAppError, issueDetails } from "@/lib/errors";
import { logger } from "@/lib/logger";

type RouteContext<P> = { params: Promise<P> };
interface HandlerContext {
  /** Who is calling: a bearer token, the session's user, or anonymous. */
  actor: Actor;
}
type Handler<P> = (request: Request, params: P, context: HandlerContext) => Promise<Response>;

/** Turns anything thrown into the error shape; unknown errors are logged and hidden from the caller. */
export function errorResponse(error: unknown, request?: Request): Response {
  let appError: AppError;
  if (isAppError(error)) {
    appError = error;
  } else if (error instanceof ZodError) {
    appError = new AppError("VALIDATION_FAILED", `Invalid ${error.issues[0]?.path.join(".") || "input"}: ${error.issues[0]?.message ?? "malformed"}`, issueDetails(error.issues));
  } else {
    logger.error({ event: "http.unhandled", method: request?.method, path: request ? new URL(request.url).pathname : undefined, err: error }, "unhandled error");
    appError = new AppError("INTERNAL", "Something went wrong on our side; the error has been logged.");
  }
  return Response.json(appError.toBody(), { status: appError.status });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser sends the session cookie along with any request to us, including one a hostile page
 * makes. A cookie-authenticated change must therefore come from our own origin; bearer tokens are
 * not sent by browsers on their own, so they need no such check.
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (new URL(origin).host !== host) throw new AppError("FORBIDDEN", "Cross-origin requests may not change anything.");
}

/**
 * Wraps a REST route handler: resolves the caller (token or session), enforces WAYFINDER_REQUIRE_SIGNIN
 * and same-origin changes, awaits Next.js's route params, maps errors to the JSON error shape, and logs
 * one line per request (method, path, status, duration, actor kind; never headers or bodies).
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    let actorKind = "unknown";
    try {
      // Imported here so that the error model above stays free of next-auth for the tests.
      const { requestActor, assertMayRead } = await import("@/lib/auth");
      assertSameOrigin(request);
      const actor = await requestActor(request);
      actorKind = actor.kind;
      assertMayRead(actor);
      response = await handler(request, await context.params, { actor });
    } catch (error) {
      response = errorResponse(error, request);
    }
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

const MAX_JSON_BYTES = 1_000_000;

/** Reads a JSON request body (at most 1 MB) and validates it with a zod schema. */
export async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("BAD_REQUEST", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_JSON_BYTES} bytes.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The body is not valid JSON: ${(error as Error).message}`);
  }
}
