/**
 * Whether ingesting a large document holds up the server: the event loop's delay (how long any other
 * request would wait to be looked at) while Stripe's 4 MB document and a generated 20 MB one are
 * prepared three times each, on the main thread (WAYFINDER_PIPELINE_THREADS=0, as before) and in the
 * worker threads. Prints a table; asserts nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

process.env.LOG_LEVEL = "silent";
const fixtures = path.resolve(process.env.WAYFINDER_FIXTURES ?? "../shared/fixtures/openapi");
const { defaultIngestLimits } = await import("@/lib/platform/limits/ingest-limits");
const { pipelineTasks } = await import("@/lib/pipeline/pipeline-tasks");
const { runPipeline, stopPipeline } = await import("@/lib/pipeline/run-pipeline");

const stripe = readFileSync(path.join(fixtures, "stripe/spec3.2022-03-25.json"));
// 20 MB: Stripe's document with its schemas repeated under other names until it is that large.
const big = (() => {
  const document = JSON.parse(stripe.toString()) as { components: { schemas: Record<string, unknown> } };
  const schemas = Object.entries(document.components.schemas);
  for (let copy = 1; Buffer.byteLength(JSON.stringify(document)) < 19.5 * 2 ** 20; copy += 1) {
    for (const [name, schema] of schemas) document.components.schemas[`${name}_copy${copy}`] = schema;
  }
  return Buffer.from(JSON.stringify(document));
})();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(label: string, body: Buffer, run: (body: Uint8Array) => Promise<unknown>): Promise<void> {
  // Warm up (the first worker task loads the modules), then measure three runs. A 5 ms ticker
  // records how late it fires: that lateness is what any other request would wait.
  await run(body);
  const lateness: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  let busy = 0;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await run(body);
    busy += performance.now() - started;
    await pause(20); // lets the ticker record a stall that just ended
  }
  clearInterval(ticker);
  lateness.sort((a, b) => a - b);
  const p99 = lateness[Math.floor(lateness.length * 0.99)] ?? 0;
  console.log([label, (body.byteLength / 2 ** 20).toFixed(1), (busy / 3).toFixed(0), p99.toFixed(0), (lateness.at(-1) ?? 0).toFixed(0)].join("\t"));
}

const args = (body: Uint8Array) => ({ body, contentType: "application/json", limits: defaultIngestLimits });
console.log("\nIngestion and the main thread: event-loop delay while a document is prepared (ms; what any other request would wait).\n");
console.log(["where", "MB", "ms per document", "delay p99", "delay max"].join("\t"));
for (const [name, body] of [
  ["Stripe", stripe],
  ["20 MB", big],
] as const) {
  await measure(`${name}, main thread`, body, (bytes) => pipelineTasks.prepareReceived(args(bytes)));
  await measure(`${name}, worker thread`, body, (bytes) => runPipeline("prepareReceived", args(bytes)));
}
await stopPipeline();
