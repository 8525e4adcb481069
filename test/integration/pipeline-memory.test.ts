/**
 * A pipeline task past its limit ends its own thread, not the portal, and fails with a 413 naming the
 * setting; the next task gets a new thread (issue 21). The setting is read once per process, so it is
 * set before the pool is loaded, in a test file of its own.
 */
import { afterAll, it } from "vitest";

process.env.WAYFINDER_PIPELINE_MEMORY_MB = "96";
const { stopPipeline } = await import("@/lib/pipeline/run-pipeline");
const { expectLimitStopsTask } = await import("../support/pipeline-limit");

afterAll(() => stopPipeline());

it(
  "ends a task that needs more than its heap ceiling (WAYFINDER_PIPELINE_MEMORY_MB), not the process, and replaces its thread",
  () => expectLimitStopsTask(30_000, /needed more than 96 MB to process \(WAYFINDER_PIPELINE_MEMORY_MB\)/),
  120_000,
);
