import { assertMayRead } from "@/lib/auth/read-rule";
import { sessionActor } from "@/lib/auth/session-actor";
import { getDb } from "@/lib/platform/db/database";
import { errorResponse } from "@/lib/platform/http/error-response";
import { logger } from "@/lib/platform/logger";
import { hasValidCsrfToken } from "@/lib/platform/security/csrf";
import { recordTryCall } from "@/lib/try-it/first-call/record-try-event";
import { loadMockTarget } from "./load-mock-target";
import { mockRequest } from "./mock-request";
import { mockResponse } from "./mock-response";
import { parsePreferHeader } from "./prefer-header";
import { readMockInput } from "./read-mock-input";

/** The path after `/mock/{slug}/{version}`, exactly as sent (still percent-encoded, as Prism expects). */
function operationPath(request: Request): string {
  const segments = new URL(request.url).pathname.split("/").slice(4);
  return `/${segments.join("/")}`;
}

/**
 * `/mock/{slug}/{version}/…`: the built-in mock of one stored version. Anyone who may read the portal
 * may call it, from the docs or with curl. The caller is known by the portal's session cookie only:
 * an Authorization header is the mocked API's own credential, never a Wayfinder token. A signed-in
 * call from the portal's pages (with its CSRF header) counts toward that person's time to first call.
 */
export async function handleMockRequest(request: Request, context: { params: Promise<{ slug: string; version: string }> }): Promise<Response> {
  const started = performance.now();
  const { slug, version } = await context.params;
  let status = 500;
  try {
    const actor = await sessionActor();
    assertMayRead(actor);
    const db = await getDb();
    const target = await loadMockTarget(db, { serviceSlug: slug, version });
    const input = await readMockInput(request, operationPath(request));
    const output = await mockRequest(target, input, parsePreferHeader(request.headers.get("prefer")));
    status = output.status;
    const latencyMs = Math.round(performance.now() - started);
    if (actor.kind === "user" && hasValidCsrfToken(request))
      await recordTryCall(db, { userId: actor.userId, serviceSlug: slug, via: "mock", operation: output.operation ?? null, status, latencyMs });
    return mockResponse(output, target.revision);
  } catch (error) {
    const response = errorResponse(error, request);
    status = response.status;
    return response;
  } finally {
    logger.info({ event: "mock.request", service: slug, version, method: request.method, status, ms: Math.round(performance.now() - started) });
  }
}
