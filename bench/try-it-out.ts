/**
 * Try it out: the proxy's added latency against a local server (p50/p95 of direct calls vs. the same
 * calls through forwardTryRequest, the proxy's core, and through the portal's /api/try route when a
 * production build exists), and the mock's requests per second on Stripe (ours vs. Prism's own static
 * mocking of the same operations, the peer a user would otherwise run). Prints; asserts nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createInstance } from "@stoplight/prism-http";
import { parseFetchPolicy } from "@/lib/platform/fetch-policy";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import { mockRequest } from "@/lib/try-it/mock/mock-request";
import { forwardTryRequest } from "@/lib/try-it/proxy/forward-try-request";
import type { TrySettings } from "@/lib/try-it/proxy/try-settings";
import { startPortal } from "../test/support/portal-server";
import { signInLocally } from "../test/support/sign-in";

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function timed(call: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < 20; index += 1) await call();
  const times: number[] = [];
  for (let index = 0; index < CALLS; index += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return times;
}

const upstream = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ ok: true, items: Array.from({ length: 20 }, (_, id) => ({ id, name: `item ${id}` })) }));
  });
});
await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
const port = (upstream.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port}`;
const document = {
  openapi: "3.0.3",
  info: { title: "Bench", version: "1.0.0" },
  servers: [{ url: `${base}/v1` }],
  paths: { "/things": { get: { responses: { "200": { description: "ok" } } } } },
};
const settings: TrySettings = {
  policy: parseFetchPolicy(`127.0.0.1:${port}`),
  portal: new URL("http://portal.invalid"),
  anonymous: false,
  timeoutMs: 15_000,
  maxRequestBytes: 1_000_000,
  maxResponseBytes: 5_000_000,
  callsPerMinute: 1_000_000,
};

const rows: [string, number[]][] = [];
rows.push(["direct fetch", await timed(() => fetch(`${base}/v1/things`).then((response) => response.arrayBuffer()))]);
rows.push([
  "forwardTryRequest (proxy core)",
  await timed(() => forwardTryRequest({ target: `${base}/v1/things`, method: "GET", headers: new Headers() }, document, settings)),
]);

if (existsSync(".next/BUILD_ID")) {
  const dataDir = path.join(".data", `bench-try-${process.pid}`);
  const portal = await startPortal({
    WAYFINDER_DATA_DIR: dataDir,
    WAYFINDER_ADMINS: "bench@try.test",
    WAYFINDER_TRY_ALLOW: `127.0.0.1:${port}`,
    WAYFINDER_TRY_CALLS_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
  });
  try {
    const admin = await signInLocally(portal.url, { name: "Bench", email: "bench@try.test" });
    const post = (url: string, body: string) =>
      fetch(`${portal.url}${url}`, { method: "POST", headers: { ...admin, "Content-Type": "application/json" }, body });
    await post("/api/v1/teams", JSON.stringify({ slug: "bench", name: "Bench" }));
    await post("/api/v1/services", JSON.stringify({ slug: "bench", name: "Bench", primaryOwner: "bench" }));
    await post("/api/v1/services/bench/versions", JSON.stringify(document));
    rows.push([
      "portal /api/try (HTTP, signed in)",
      await timed(() =>
        fetch(`${portal.url}/api/try/bench/1.0.0`, { headers: { ...admin, Origin: portal.url, "X-Wayfinder-Target": `${base}/v1/things` } }).then((response) =>
          response.arrayBuffer(),
        ),
      ),
    ]);
  } finally {
    await portal.stop();
  }
} else console.log("(no production build: the portal's /api/try route is not measured; run `npm run build` first)");
upstream.close();

console.log(`\nTry it out proxy: ${CALLS} sequential GETs of a 1 KB JSON answer from a local server, milliseconds.`);
console.log(["path", "p50", "p95", "added p50 vs direct"].join("\t"));
const direct = percentile(rows[0]![1], 50);
for (const [name, times] of rows)
  console.log([name, percentile(times, 50).toFixed(2), percentile(times, 95).toFixed(2), (percentile(times, 50) - direct).toFixed(2)].join("\t"));

// The mock on Stripe.
const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const stripeFile = path.join(fixtures, "stripe/spec3.2022-03-25.json");
if (existsSync(stripeFile)) {
  const stripe = JSON.parse(readFileSync(stripeFile, "utf8")) as Record<string, unknown>;
  const built = performance.now();
  const operations = buildMockOperations(stripe);
  const buildMs = performance.now() - built;
  const requests = [
    { method: "get", path: "/v1/customers/cus_1" },
    { method: "get", path: "/v1/charges" },
    { method: "get", path: "/v1/balance" },
    { method: "get", path: "/v1/invoices/in_1" },
  ];
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, success() {}, fatal() {}, child: () => silent } as never;
  const prism = createInstance(
    { mock: { dynamic: false }, validateRequest: true, validateResponse: false, checkSecurity: false, errors: false, upstreamProxy: undefined, isProxy: false },
    { logger: silent },
  );
  const rate = async (call: (index: number) => Promise<unknown>) => {
    for (let index = 0; index < 20; index += 1) await call(index);
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < 5_000) await call(count++);
    return count / ((performance.now() - started) / 1000);
  };
  const ours = await rate((index) => {
    const request = requests[index % requests.length]!;
    return mockRequest(
      { document: stripe, operations },
      { ...request, query: {}, headers: { accept: "application/json", authorization: "Bearer sk_test" }, body: undefined },
      {},
    );
  });
  const peer = await rate((index) => {
    const request = requests[index % requests.length]!;
    return prism.request({ method: request.method as "get", url: { path: request.path }, headers: { accept: "application/json" } }, operations)();
  });
  console.log(
    `\nMock on Stripe (${operations.length} operations; built once in ${buildMs.toFixed(0)} ms): 5 s of sequential GETs over 4 operations, requests/second.`,
  );
  console.log(["mock", "req/s", "bodies valid against their schemas"].join("\t"));
  console.log(["Wayfinder mock (Prism routing + openapi-sampler)", ours.toFixed(0), "yes (test/integration/mock-fixtures.test.ts)"].join("\t"));
  console.log(["Prism static mocking, same operations", peer.toFixed(0), 'no: strings are "string" whatever their pattern or format'].join("\t"));
}
