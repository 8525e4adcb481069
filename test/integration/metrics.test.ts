/**
 * The portal's own observability over HTTP against the production build: /metrics (off without its
 * token, refused with a wrong one) scraped after a known load, its counters matching the requests
 * made; every API response carries X-Request-Id, and the log lines written while answering carry it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal, type PortalServer } from "../support/portal-server";

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

describe("metrics and request ids", () => {
  let server: PortalServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-metrics-"));
    server = await startPortal({ WAYFINDER_DATA_DIR: dataDir, WAYFINDER_METRICS_TOKEN: TOKEN });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
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
    // The process's own, and the background queues' depth.
    expect(count(after, "wayfinder_process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(after.has("wayfinder_nodejs_eventloop_lag_seconds")).toBe(true);
    expect([...after.keys()].some((key) => key.startsWith('wayfinder_job_queue_jobs{queue="lint-version",state="ready"}'))).toBe(true);
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
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-metrics-off-"));
    const server = await startPortal({ WAYFINDER_DATA_DIR: dataDir });
    try {
      expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
