import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ErrorBody } from "@/lib/platform/errors";
import { csrfHeaders } from "@/lib/platform/security/csrf-client";

/** An error answer from Wayfinder's REST API, with its stable code and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody["error"],
  ) {
    super(body.message);
  }
}

/** The ApiError a non-2xx answer stands for, from its error body (or its status when it has none). */
export function apiError(status: number, payload: unknown): ApiError {
  const error = (payload as ErrorBody | null)?.error ?? { code: "INTERNAL" as const, message: `The request failed (HTTP ${status}).` };
  return new ApiError(status, error);
}

/** Calls Wayfinder's REST API with a JSON body; a non-2xx answer becomes an ApiError. */
export async function apiRequest<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { ...csrfHeaders(), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiError(response.status, payload);
  return payload as T;
}

/**
 * Shows a server-side validation error next to the field it names (zod issues, or a `field` the
 * domain gave); returns the message for the form as a whole when no field matches.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return (error as Error).message;
  const details = error.body.details as { issues?: { path: string; message: string }[]; field?: string } | undefined;
  let placed = false;
  for (const issue of details?.issues ?? []) {
    const field = issue.path.split(".")[0];
    if (field && fields.includes(field)) {
      setError(issue.path as Path<T>, { message: issue.message });
      placed = true;
    }
  }
  if (details?.field && fields.includes(details.field)) {
    setError(details.field as Path<T>, { message: error.message });
    placed = true;
  }
  return placed ? null : error.message;
}
