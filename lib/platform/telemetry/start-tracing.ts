import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { RouteMetricsProcessor } from "./route-metrics-processor";

const KEY = Symbol.for("wayfinder.tracing");

export interface TracingOptions {
  /** The OTLP/HTTP traces endpoint (`…/v1/traces`); unset, spans only feed /metrics and are never sent. */
  endpoint?: string;
  /** Sent with every export (a collector's API key). */
  headers?: Record<string, string>;
}

/**
 * Registers the process's tracer provider, once, from the instrumentation hook: Next.js then traces
 * every request (its own spans: the request, the route, rendering), lib/platform/telemetry adds the
 * database's queries and the background jobs, and W3C `traceparent` from a caller is continued.
 * Spans always feed /metrics (pages by route); they leave the process only when an OTLP endpoint is set.
 */
export function startTracing(options: TracingOptions = {}): TracerProvider {
  const holder = globalThis as unknown as Record<symbol, TracerProvider | undefined>;
  const started = holder[KEY];
  if (started) return started;
  const processors: SpanProcessor[] = [new RouteMetricsProcessor()];
  if (options.endpoint) processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: options.endpoint, headers: options.headers }) }));
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "wayfinder" }),
    spanProcessors: processors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  holder[KEY] = provider;
  // Spans still in the batch go out before the process does.
  process.once("beforeExit", () => void provider.shutdown().catch(() => undefined));
  return provider;
}

/** WAYFINDER_OTLP_HEADERS (`name=value,name=value`, checked by lib/platform/env.ts) as headers. */
export function otlpHeaders(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(text.split(",").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
}
