import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, params: P) => Promise<Response>;

/** Turns anything thrown into the error shape; unknown errors are logged and hidden from the caller. */
export function errorResponse(error: unknown, request?: Request): Response {
  let appError: AppError;
  if (isAppError(error)) {
    appError = error;
  } else if (error instanceof ZodError) {
    appError = new AppError("VALIDATION_FAILED", `Invalid ${error.issues[0]?.path.join(".") || "input"}: ${error.issues[0]?.message ?? "malformed"}`, {
      issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  } else {
    logger.error({ event: "http.unhandled", method: request?.method, path: request ? new URL(request.url).pathname : undefined, err: error }, "unhandled error");
    appError = new AppError("INTERNAL", "Something went wrong on our side; the error has been logged.");
  }
  return Response.json(appError.toBody(), { status: appError.status });
}

/**
 * Wraps a REST route handler: awaits Next.js's route params, maps errors to the JSON error shape and
 * logs one line per request (method, path, status, duration; never headers or bodies).
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request, await context.params);
    } catch (error) {
      response = errorResponse(error, request);
    }
    logger.info({
      event: "http.request",
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}
