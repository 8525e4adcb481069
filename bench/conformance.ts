/**
 * Conformance at speed: (1) `wayfinder verify` (the bundled command, its own process) against a local
 * server that answers every request of Stripe's contract (2022-03-25) and DigitalOcean's with the
 * built-in mock (made beforehand, so every response conforms and every body is checked), in requests per second,
 * with Schemathesis's number where it is installed (it is not on these machines: printed as such);
 * (2) the traffic reader and checker over a generated NDJSON log of Stripe exchanges with bodies, in
 * exchanges per second and the process's peak RSS against the log's size. Prints; asserts nothing.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { checkExchange } from "@/lib/conformance/check-exchange";
import { readTraffic } from "@/lib/conformance/read-traffic";
import { FindingTally } from "@/lib/conformance/tally-findings";
import { trafficPath } from "@/lib/conformance/traffic-path";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import { mockRequest, routeOperation } from "@/lib/try-it/mock/mock-request";
import { prepareDocument } from "@/lib/openapi/prepare-document";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { collectFiles } from "@/cli/collect-files";

const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const stripeFile = path.join(fixtures, "stripe/spec3.2022-03-25.json");
const exchanges = Number(process.env.BENCH_TRAFFIC_EXCHANGES ?? 200_000);
if (!existsSync(stripeFile)) {
  console.log("\nConformance: skipped (no Stripe fixtures; set WAYFINDER_FIXTURES).");
  process.exit(0);
}
const cli = path.resolve("public/cli/wayfinder.mjs");
if (!existsSync(cli)) execFileSync(process.execPath, ["--import", "tsx", "scripts/build-cli.mjs"], { stdio: "inherit" });
const work = mkdtempSync(path.join(os.tmpdir(), "wayfinder-bench-conformance-"));

/**
 * A server that answers as the contract says: each operation's mock response, made before the clock
 * starts (the mock generates Stripe's bodies far slower than verify checks them, and this measures
 * verify), found per request with the router and sent on a real port.
 */
async function mockServer(document: Record<string, unknown>) {
  const target = { document, operations: buildMockOperations(document) };
  const answers = new Map<string, { status: number; headers: Record<string, string>; body?: string }>();
  for (const operation of target.operations) {
    const output = await mockRequest(
      target,
      { method: operation.method, path: operation.path.replace(/\{[^}]+\}/g, "x1"), query: {}, headers: {}, body: undefined },
      {},
      { validate: false },
    );
    answers.set(`${operation.method.toUpperCase()} ${operation.path}`, {
      status: output.status,
      headers: output.headers,
      body: output.body === undefined ? undefined : typeof output.body === "string" ? output.body : JSON.stringify(output.body),
    });
  }
  const server = createServer((request, response) => {
    request.resume();
    const operation = routeOperation(target.operations, request.method!, new URL(request.url!, "http://bench").pathname);
    const answer = operation ? answers.get(operation) : undefined;
    response.writeHead(answer?.status ?? 404, answer?.headers ?? {});
    response.end(answer?.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

console.log("\nConformance: wayfinder verify against a conforming local server (the mock), GET and HEAD operations, 4 at a time.");
console.log(["document", "requests", "passed", "failed", "skipped", "seconds", "requests/s"].join("\t"));
const sources: [string, string][] = [
  ["stripe 2022-03-25", stripeFile],
  ["digitalocean", path.join(fixtures, "digitalocean/specification/DigitalOcean-public.v2.yaml")],
];
for (const [name, file] of sources) {
  if (!existsSync(file)) continue;
  // DigitalOcean's is 2,900 files: bundled as publishing bundles it.
  const prepared =
    name === "digitalocean"
      ? await prepareBundle(await collectFiles(file, defaultIngestLimits, path.join(fixtures, "digitalocean")), defaultIngestLimits)
      : await prepareDocument(readFileSync(file, "utf8"));
  const stored = JSON.parse(prepared.json) as Record<string, unknown>;
  const contract = path.join(work, `${name.replace(/\W+/g, "-")}.json`);
  writeFileSync(contract, JSON.stringify(stored));
  const { server, url } = await mockServer(stored);
  const started = performance.now();
  // Not spawnSync: the mock server answering it runs in this process.
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [cli, "verify", contract, "--base-url", url, "--format", "json"], { maxBuffer: 1 << 26 }, (error, out) =>
      out ? resolve(out) : reject(error ?? new Error("verify printed nothing")),
    );
  });
  const seconds = (performance.now() - started) / 1000;
  server.close();
  const report = JSON.parse(stdout) as { ms: number; summary: { passed: number; failed: number; skipped: number; errors: number } };
  const sent = report.summary.passed + report.summary.failed;
  console.log(
    [
      name,
      sent,
      report.summary.passed,
      report.summary.failed,
      report.summary.skipped,
      `${seconds.toFixed(1)} (${(report.ms / 1000).toFixed(1)} after reading the contract)`,
      `${(sent / seconds).toFixed(0)} (${(sent / (report.ms / 1000)).toFixed(0)})`,
    ].join("\t"),
  );
}
const schemathesis = spawnSync("schemathesis", ["--version"], { encoding: "utf8" });
console.log(
  `Schemathesis: ${schemathesis.status === 0 ? schemathesis.stdout.trim() : "not installed on this machine (pip cannot reach PyPI here): no side-by-side figure"}`,
);

// Traffic: a generated NDJSON log of Stripe GETs with their mock bodies, one in ten with a wrong type.
const stripe = JSON.parse((await prepareDocument(readFileSync(stripeFile, "utf8"))).json) as Record<string, unknown>;
const target = { document: stripe, operations: buildMockOperations(stripe) };
const gets = target.operations.filter((operation) => operation.method === "get").slice(0, 100);
const samples: string[] = [];
for (const operation of gets) {
  const pathValue = operation.path.replace(/\{[^}]+\}/g, "x1");
  const output = await mockRequest(target, { method: "GET", path: pathValue, query: {}, headers: {}, body: undefined }, {}, { validate: false });
  if (output.status !== 200 || output.body === undefined) continue;
  samples.push(
    JSON.stringify({
      method: "GET",
      url: `https://api.stripe.com${pathValue}`,
      status: 200,
      headers: { "content-type": "application/json" },
      body: output.body,
    }),
  );
  const broken = { ...(output.body as Record<string, unknown>), id: 12345 };
  samples.push(
    JSON.stringify({ method: "GET", url: `https://api.stripe.com${pathValue}`, status: 200, headers: { "content-type": "application/json" }, body: broken }),
  );
}
const log = path.join(work, "traffic.ndjson");
// Written a line at a time, so the log is never in this process's memory before it is read.
const fd = openSync(log, "w");
for (let i = 0; i < exchanges; i++) writeSync(fd, `${samples[(i * 7919) % samples.length]}\n`);
closeSync(fd);
(globalThis as { gc?: () => void }).gc?.();
const bytes = statSync(log).size;
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const tally = new FindingTally();
const started = performance.now();
for await (const logged of readTraffic(Readable.toWeb(createReadStream(log)) as ReadableStream<Uint8Array>, "ndjson", 2 ** 40)) {
  tally.add(
    checkExchange(target, {
      method: logged.method,
      path: trafficPath(stripe, logged.url),
      queryNames: [...logged.url.searchParams.keys()],
      status: logged.status,
      headers: logged.headers,
      body: logged.body,
    }),
    logged.at,
  );
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
console.log(
  `\nTraffic: ${tally.exchanges.toLocaleString("en")} Stripe exchanges with bodies (${(bytes / 1e6).toFixed(0)} MB of NDJSON), ${tally.mismatched.toLocaleString("en")} departing: ${(tally.exchanges / seconds).toFixed(0)} exchanges/s; RSS ${(rssBefore / 1e6).toFixed(0)} MB before, ${(peak / 1e6).toFixed(0)} MB at most while reading (the log is streamed, never held).`,
);
rmSync(work, { recursive: true, force: true });
