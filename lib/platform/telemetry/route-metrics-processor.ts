import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace";
import { observeRequest } from "@/lib/platform/metrics";

/** Next.js's span for one whole request, whatever served it (lib/platform/telemetry/start-tracing.ts). */
const REQUEST_SPAN = "BaseServer.handleRequest";

/** Route handlers count themselves, under their route template (lib/platform/http/instrumented.ts). */
const COUNTED_BY_HANDLERS = /^\/(api|mock)(\/|$)/;

/**
 * Counts and times pages in /metrics from Next.js's own request spans: the route as Next.js names it
 * (`/services/[slug]`), the method and the status, for documents and RSC requests alike. Static files
 * carry no route and are left out, as are route handlers, which count themselves.
 */
export class RouteMetricsProcessor implements SpanProcessor {
  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes;
    if (attributes["next.span_type"] !== REQUEST_SPAN) return;
    const route = attributes["next.route"];
    if (typeof route !== "string" || COUNTED_BY_HANDLERS.test(route)) return;
    const [seconds, nanos] = span.duration;
    observeRequest(route, String(attributes["http.method"] ?? "GET"), Number(attributes["http.status_code"] ?? 0), seconds + nanos / 1e9);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
