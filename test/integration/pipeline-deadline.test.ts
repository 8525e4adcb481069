/**
 * A pipeline task past its limit ends its own thread, not the portal, and fails with a 413 naming the
 * setting; the next task gets a new thread (issue 21). The setting is read once per process, so it is
 * set before the pool is loaded, in a test file of its own.
 */
import { afterAll, it } from "vitest";

// Half a second against a diff of two 60,000-operation documents (~10 MB each): seconds of work on any
// machine at hand. 1.5 s against 20,000 operations failed once in CI: the diff finished in time. The
// deadline counts from a thread's readiness, so the small follow-up tasks stay well inside it.
process.env.WAYFINDER_PIPELINE_TIMEOUT_MS = "500";
const { stopPipeline } = await import("@/lib/pipeline/run-pipeline");
const { expectLimitStopsTask } = await import("../support/pipeline-limit");

afterAll(() => stopPipeline());

it(
  "stops a task at its deadline (WAYFINDER_PIPELINE_TIMEOUT_MS), replaces its thread, and keeps the other lane free",
  () => expectLimitStopsTask(60_000, /took longer than 0\.5 s \(WAYFINDER_PIPELINE_TIMEOUT_MS\)/),
  120_000,
);
