/**
 * The portal's own observability over HTTP against the production build: /metrics (off without its
 * token, refused with a wrong one) scraped after a known load, its counters matching the requests
 * made, pages by route and database queries included; traces sent to an OTLP endpoint (a real HTTP
 * collector here) for requests, their database queries and background jobs, continuing a caller's
 * `traceparent`; every API response carries X-Request-Id, and the log lines written while answering carry it.
 */
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";
import { migratedDataDir } from "../support/test-databases";

const TOKEN = "metrics-token-for-the-test";

/** `name{labels} value` lines of a Prometheus text exposition, as { "name{labels}": value }. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*(?:\{.*\})?) (\S+)$/.exec(line);
    if (!match) throw new Error(`Not a sample line: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** An OTLP/HTTP collector that keeps what it is sent (JSON, as the exporter encodes it) and the headers it came with. */
async function otlpCollector() {
  const spans: ExportedSpan[] = [];
  const headers: Record<string, string | string[] | undefined>[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      headers.push(request.headers);
      const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
      for (const resource of parsed.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans, headers, close: () => server.close() };
}

const attribute = (span: ExportedSpan, key: string) => {
  const value = span.attributes.find((item) => item.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe("metrics, traces and request ids", () => {
  let server: PortalServer;
  let dataDir: string;
  let collector: Awaited<ReturnType<typeof otlpCollector>>;

  beforeAll(async () => {
    dataDir = await migratedDataDir("wayfinder-metrics-");
    collector = await otlpCollector();
    server = await startPortal({
      WAYFINDER_DATA_DIR: dataDir,
      WAYFINDER_METRICS_TOKEN: TOKEN,
      WAYFINDER_OTLP_ENDPOINT: collector.url,
      WAYFINDER_OTLP_HEADERS: "x-collector-key=k123",
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    collector?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(await response.text());
  };

  it("refuses a scraper without the token, and counts the requests made, by route and status, with durations", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: "Bearer wrong-token-of-the-same-size!" } })).status).toBe(401);

    const before = await scrape();
    const count = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;
    const listed = 'wayfinder_http_requests_total{route="/api/v1/services",method="GET",status="200"}';
    const missing = 'wayfinder_http_requests_total{route="/api/v1/services/{slug}",method="GET",status="404"}';
    const searched = "wayfinder_search_duration_seconds_count";
    for (let i = 0; i < 7; i++) expect((await fetch(`${server.url}/api/v1/services`)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/api/v1/services/no-such-service`)).status).toBe(404);
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/api/v1/search?q=payment`)).status).toBe(200);
    expect((await fetch(`${server.url}/mock/orders-api/3.4.0/orders/ord_1`, { headers: { Authorization: "Bearer x" } })).status).toBe(200);

    const after = await scrape();
    expect(count(after, listed) - count(before, listed)).toBe(7);
    expect(count(after, missing) - count(before, missing)).toBe(3);
    expect(count(after, searched) - count(before, searched)).toBe(2);
    expect(count(after, 'wayfinder_http_requests_total{route="/mock/{slug}/{version}/*",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
    const durations = 'wayfinder_http_request_duration_seconds_count{route="/api/v1/services",method="GET"}';
    expect(count(after, durations) - count(before, durations)).toBe(7);
    // Every query those requests made, timed by statement kind.
    const selects = 'wayfinder_db_query_duration_seconds_count{statement="SELECT"}';
    expect(count(after, selects) - count(before, selects)).toBeGreaterThanOrEqual(10);
    // The process's own, and the background queues' depth.
    expect(count(after, "wayfinder_process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(after.has("wayfinder_nodejs_eventloop_lag_seconds")).toBe(true);
    expect([...after.keys()].some((key) => key.startsWith('wayfinder_job_queue_jobs{queue="lint-version",state="ready"}'))).toBe(true);
  });

  it("counts pages by their route, from Next.js's own request spans", async () => {
    const catalogue = 'wayfinder_http_requests_total{route="/services",method="GET",status="200"}';
    const service = 'wayfinder_http_requests_total{route="/services/[slug]",method="GET",status="200"}';
    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/services`)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}/services/orders-api`)).status).toBe(200);
    // A request's span ends when the server has finished the response, which can be just after the
    // client has read all of it: wait for the counts to settle, then require them exactly.
    const counted = async () => {
      const now = await scrape();
      return [(now.get(catalogue) ?? 0) - (before.get(catalogue) ?? 0), (now.get(service) ?? 0) - (before.get(service) ?? 0)];
    };
    await expect.poll(counted, { timeout: 10_000 }).toEqual([3, 2]);
    const after = await scrape();
    expect(after.get('wayfinder_http_request_duration_seconds_count{route="/services/[slug]",method="GET"}')).toBeGreaterThanOrEqual(2);
    // The catalogue is shared by readers not signed in (scripts/page-cache.mjs): answered from memory
    // after its first render, and counted under its route all the same.
    const hits = 'wayfinder_http_shared_pages{state="hits"}';
    expect((after.get(hits) ?? 0) - (before.get(hits) ?? 0)).toBeGreaterThanOrEqual(2);
    expect(after.get('wayfinder_http_shared_pages{state="entries"}')).toBeGreaterThanOrEqual(1);
  });

  it("traces a request, its database queries and background jobs to the OTLP endpoint, continuing the caller's trace", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await fetch(`${server.url}/api/v1/services/orders-api`, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(response.status).toBe(200);
    // The request's span ends after its response, and may reach the collector in a later batch than its
    // queries' spans (seen with other suites loading the machine): wait for both.
    const isRequest = (span: ExportedSpan) => attribute(span, "next.span_type") === "BaseServer.handleRequest";
    await expect
      .poll(
        () => collector.spans.filter((span) => span.traceId === traceId && (span.name.startsWith("db ") || isRequest(span))).map((span) => isRequest(span)),
        {
          timeout: 30_000,
        },
      )
      .toEqual(expect.arrayContaining([true, false]));
    const trace = collector.spans.filter((span) => span.traceId === traceId);
    const request = trace.find(isRequest)!;
    expect(request).toBeDefined();
    expect(request.parentSpanId).toBe("00f067aa0ba902b7");
    expect(attribute(request, "http.status_code")).toBe(200);
    const query = trace.find((span) => span.name === "db SELECT")!;
    expect(attribute(query, "db.query.text")).toMatch(/^SELECT/);
    // The query sits inside the request: its ancestors lead back to the request's span.
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    let ancestor: ExportedSpan | undefined = query;
    while (ancestor && ancestor !== request) ancestor = ancestor.parentSpanId ? byId.get(ancestor.parentSpanId) : undefined;
    expect(ancestor).toBe(request);
    // The demo's versions were linted in the background at start: each a job span.
    await expect.poll(() => collector.spans.some((span) => span.name === "job lint-version"), { timeout: 30_000 }).toBe(true);
    expect(collector.headers.every((headers) => headers["x-collector-key"] === "k123")).toBe(true);
  });

  it("answers every API call with X-Request-Id, keeps a sane one it was sent, and writes it on the request's log lines", async () => {
    const fresh = await fetch(`${server.url}/api/v1/teams`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${server.url}/api/v1/teams`, { headers: { "X-Request-Id": "lb-4711.abc" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-4711.abc");
    const replaced = await fetch(`${server.url}/api/v1/teams`, { headers: { "X-Request-Id": "not ok <script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const page = await fetch(`${server.url}/services`);
    expect(page.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => server.output()).toMatch(/"requestId":"lb-4711\.abc".*"event":"http\.request"|"event":"http\.request".*"requestId":"lb-4711\.abc"/);
  });
});

describe("metrics off", () => {
  it("answers 404 at /metrics while WAYFINDER_METRICS_TOKEN is unset", async () => {
    const dataDir = await migratedDataDir("wayfinder-metrics-off-");
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir });
    try {
      expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
