/**
 * A pipeline task past its limit ends its own thread, not the portal, and fails with a 413 naming the
 * setting; the next task gets a new thread (issue 21). The setting is read once per process, so it is
 * set before the pool is loaded, in a test file of its own.
 */
import { afterAll, expect, it } from "vitest";

process.env.WAYFINDER_PIPELINE_TIMEOUT_MS = "1500";
const { runPipeline, stopPipeline } = await import("@/lib/pipeline/pipeline-pool");
const { defaultIngestLimits } = await import("@/lib/openapi/ingest-limits");
const { openApi30 } = await import("../support/documents");

afterAll(() => stopPipeline());

/** A document with `count` operations, as JSON text. */
function manyOperations(count: number, version: string): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i += 1)
    paths[`/things${i}/{id}`] = {
      get: {
        operationId: `get${i}`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok" } },
      },
    };
  return JSON.stringify({ openapi: "3.0.3", info: { title: "Many", version }, paths });
}

it("stops a task at its deadline (WAYFINDER_PIPELINE_TIMEOUT_MS), replaces its thread, and keeps the other lane free", async () => {
  const big = manyOperations(20000, "1.0.0");
  const failed = await runPipeline("diffTexts", { base: big, revision: manyOperations(20000, "2.0.0"), limits: defaultIngestLimits }).then(
    () => null,
    (error: Error & { code?: string }) => error,
  );
  expect(failed?.code).toBe("PAYLOAD_TOO_LARGE");
  expect(failed?.message).toMatch(/took longer than 1.5 s \(WAYFINDER_PIPELINE_TIMEOUT_MS\)/);
  // A new thread takes the next task.
  const prepared = await runPipeline("prepareReceived", {
    body: new TextEncoder().encode(openApi30("1.0.1", ["/a"])),
    contentType: "application/yaml",
    limits: defaultIngestLimits,
  });
  expect(prepared.version).toBe("1.0.1");
  // The readers' lane has a thread of its own.
  const diff = await runPipeline(
    "diffTexts",
    { base: openApi30("1.0.0", ["/a"]), revision: openApi30("1.1.0", ["/a", "/b"]), limits: defaultIngestLimits },
    { lane: "read" },
  );
  expect(diff.summary.info).toBeGreaterThan(0);
}, 120_000);
