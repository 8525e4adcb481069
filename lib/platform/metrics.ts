import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * A gauge by state, read when scraped from what scripts/serve.mjs (plain JavaScript, outside the app's
 * bundles) keeps on globalThis under `key`: its `read()` gives each state's value.
 */
function serverGauge(registry: Registry, name: string, help: string, key: string) {
  return new Gauge({
    name,
    help,
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const source = (globalThis as unknown as Record<symbol, { read(): Record<string, number> } | undefined>)[Symbol.for(key)];
      if (!source) return;
      for (const [state, value] of Object.entries(source.read())) this.set({ state }, value);
    },
  });
}

/**
 * The portal's own metrics, in Prometheus's text format at /metrics (WAYFINDER_METRICS_TOKEN): HTTP
 * requests by route and status with durations, the database pool, job queues and job durations, the
 * pipeline's threads, webhook deliveries, search latency, and Node's own (memory, event-loop lag, GC).
 * One registry per process, kept on globalThis: Next.js bundles route modules apart, and a second
 * copy of these metrics would count half the requests.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "wayfinder_" });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    httpRequests: new Counter({
      name: "wayfinder_http_requests_total",
      help: "HTTP requests answered, by route template, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "wayfinder_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route template and method.",
      labelNames: ["route", "method"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "wayfinder_job_duration_seconds",
      help: "Time a background job took, by queue and outcome.",
      labelNames: ["queue", "outcome"] as const,
      buckets: seconds,
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: "wayfinder_db_query_duration_seconds",
      help: "Time a database query took, by statement kind (SELECT, INSERT, …); measured where WAYFINDER_METRICS_TOKEN or an OTLP endpoint is set.",
      labelNames: ["statement"] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: "wayfinder_webhook_deliveries_total",
      help: "Webhook delivery attempts, by outcome (succeeded, retry, failed).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    searchDuration: new Histogram({
      name: "wayfinder_search_duration_seconds",
      help: "Time a search took in the database and ranking.",
      buckets: seconds,
      registers: [registry],
    }),
    admission: serverGauge(
      registry,
      "wayfinder_http_admission",
      "The HTTP server's back-pressure (scripts/admission.mjs): requests being answered and waiting now; admitted, queued and refused (503) since start.",
      "wayfinder.admission",
    ),
    pageCache: serverGauge(
      registry,
      "wayfinder_http_shared_pages",
      "Pages readers not signed in share (scripts/page-cache.mjs): since start, answers from memory (hits), renders, and requests by such readers for pages that are not shared or whose state could not be read (passed); pages and bytes kept now (entries, bytes).",
      "wayfinder.pageCache",
    ),
    /** Gauges read when scraped, from whatever registered a reader (the database pool, the job queues, the pipeline). */
    readers: new Map<string, () => Promise<{ labels: Record<string, string>; value: number }[]> | { labels: Record<string, string>; value: number }[]>(),
  };
}

type Metrics = ReturnType<typeof create>;
const KEY = Symbol.for("wayfinder.metrics");

export function metrics(): Metrics {
  const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;
  holder[KEY] ??= create();
  return holder[KEY];
}

/**
 * A gauge whose values are read at scrape time (`read` returns one value per label set), registered
 * once per name: the pool, the queues and the threads exist before anyone scrapes.
 */
export function gaugeReadOnScrape(
  name: string,
  help: string,
  labelNames: string[],
  read: () => Promise<{ labels: Record<string, string>; value: number }[]> | { labels: Record<string, string>; value: number }[],
): void {
  const { registry, readers } = metrics();
  const known = readers.has(name);
  readers.set(name, read);
  if (known) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const { labels, value } of await readers.get(name)!()) this.set(labels, value);
      } catch {
        // A reader that fails (the database is down) leaves the gauge empty rather than the scrape failing.
      }
    },
  });
}

/** One answered HTTP request, for the request counter and the duration histogram. */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const { httpRequests, httpDuration } = metrics();
  httpRequests.inc({ route, method, status: String(status) });
  httpDuration.observe({ route, method }, seconds);
}
