import { logger, withRequestId } from "@/lib/platform/logger";
import { requestIdFor } from "./request-id";
import { observeRequest } from "@/lib/platform/metrics";

/** A response with one more header, even when its headers are immutable (a fetched response passed on). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * A route handler that answers with `X-Request-Id` (the one a load balancer sent, or a new one), writes
 * every log line of its work with it, and is counted and timed under its route template in /metrics.
 */
export function instrumented<C>(
  route: string,
  handler: (request: Request, context: C) => Promise<Response>,
  /** Where the id goes: the Try it out proxy's answers are the API's, whose own X-Request-Id passes through untouched. */
  idHeader = "X-Request-Id",
) {
  return async (request: Request, context: C): Promise<Response> => {
    const requestId = requestIdFor(request);
    const started = performance.now();
    return withRequestId(requestId, async () => {
      let status = 500;
      try {
        const response = await handler(request, context);
        status = response.status;
        return withHeader(response, idHeader, requestId);
      } catch (error) {
        logger.error({ event: "http.unhandled", route, error: String(error).slice(0, 500) }, "unhandled error in a route");
        throw error;
      } finally {
        observeRequest(route, request.method, status, (performance.now() - started) / 1000);
      }
    });
  };
}
