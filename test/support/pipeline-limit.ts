import { expect } from "vitest";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { runPipeline } from "@/lib/pipeline/run-pipeline";

/** A document with `count` operations, as JSON text. */
export function manyOperations(count: number, version: string): string {
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

/**
 * Diffs two documents of `operations` operations each, which must fail past a pipeline limit with a 413
 * whose message matches `message`; then a new thread takes the next task, and the readers' lane answers.
 * The limit's setting is read once per process: each limit is tested from a file of its own that sets
 * it before loading the pool.
 */
export async function expectLimitStopsTask(operations: number, message: RegExp): Promise<void> {
  const failed = await runPipeline("diffTexts", {
    base: manyOperations(operations, "1.0.0"),
    revision: manyOperations(operations, "2.0.0"),
    limits: defaultIngestLimits,
  }).then(
    () => null,
    (error: Error & { code?: string }) => error,
  );
  expect(failed?.code).toBe("PAYLOAD_TOO_LARGE");
  expect(failed?.message).toMatch(message);
  // Small comparisons of stored (already validated) documents: quick even on a thread that has just
  // started on a busy machine, so a short deadline does not stop them too.
  const small = { base: manyOperations(1, "1.0.0"), revision: manyOperations(2, "1.1.0") };
  expect((await runPipeline("diffStored", small)).summary.info).toBeGreaterThan(0);
  expect((await runPipeline("diffStored", small, { lane: "read" })).summary.info).toBeGreaterThan(0);
}
