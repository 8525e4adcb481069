import { ZodError } from "zod";
import { databaseUnavailable, isDatabaseUnavailable } from "@/lib/platform/db/database-unavailable";
import { AppError, isAppError, issueDetails } from "@/lib/platform/errors";
import { logger } from "@/lib/platform/logger";

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
  // A saturated or absent database is worth a retry shortly: say when, as the HTTP server's own 503s do.
  const headers: Record<string, string> =
    appError.code === "TOO_MANY_REQUESTS" && retryAfter
      ? { "Retry-After": String(retryAfter) }
      : appError.code === "DATABASE_UNAVAILABLE"
        ? { "Retry-After": "2" }
        : {};
  return Response.json(appError.toBody(), { status: appError.status, headers });
}
