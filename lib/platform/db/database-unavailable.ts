import { AppError, isAppError } from "@/lib/platform/errors";

// Node's socket errors, PostgreSQL's "connection exception" and "operator intervention" classes, and
// Prisma's "cannot reach / connection closed" codes, and the pool's wait for a connection running out:
// the database is away or saturated, not the request wrong.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const SQLSTATE = /^(08|57P)/;
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Can't reach database server|connect ECONNREFUSED|Client has encountered a connection error|server closed the connection unexpectedly|terminating connection/i;

/** Whether an error, or any error in its cause chain, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 8) return false;
  if (isAppError(error)) return error.code === "DATABASE_UNAVAILABLE";
  const { code, message, cause, originalCode } = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
  for (const value of [code, originalCode]) {
    if (typeof value === "string" && (SOCKET_CODES.has(value) || SQLSTATE.test(value) || PRISMA_CODES.has(value))) return true;
  }
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

export const databaseUnavailable = () => new AppError("DATABASE_UNAVAILABLE", "The database is unavailable right now; try again shortly.");
