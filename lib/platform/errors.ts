/** The error model: every failure a caller may see has a stable code, mapped to one HTTP status. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_DOCUMENT: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  FETCH_REFUSED: 422,
  FETCH_FAILED: 502,
  DATABASE_IN_USE: 503,
  DATABASE_UNAVAILABLE: 503,
  CONFIGURATION_INVALID: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The JSON body of every error response: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

/**
 * By class, or by shape: a bundler may give two routes their own copy of this module (Next.js did,
 * once the pipeline's pool was imported from more places), and `instanceof` then fails for an
 * AppError made by the other copy.
 */
export function isAppError(error: unknown): error is AppError {
  if (error instanceof AppError) return true;
  const candidate = error as { name?: unknown; code?: unknown; toBody?: unknown } | null;
  return (
    error instanceof Error &&
    candidate?.name === "AppError" &&
    typeof candidate.code === "string" &&
    candidate.code in errorStatus &&
    typeof candidate.toBody === "function"
  );
}

/** Zod issues as the error shape's `details.issues`: a dotted path and a message each. */
export function issueDetails(issues: readonly { path: PropertyKey[]; message: string }[]) {
  return { issues: issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })) };
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} was not found.`);
}
