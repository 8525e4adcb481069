/**
 * A pipeline thread that has waited for work longer than WAYFINDER_PIPELINE_IDLE_SECONDS ends, so a
 * quiet server does not keep the parsers and compilers it loaded (76–136 MB a thread); the next task
 * starts a thread again. The setting is read once per process, so it is set before the pool is
 * loaded, in a test file of its own. Observed as operators see it, in /metrics.
 */
import { afterAll, expect, it } from "vitest";
import { metrics } from "@/lib/platform/metrics";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { openApi30 } from "../support/documents";

process.env.WAYFINDER_PIPELINE_IDLE_SECONDS = "1";
const { runPipeline, stopPipeline } = await import("@/lib/pipeline/run-pipeline");

afterAll(() => stopPipeline());

/** The write lane's threads by state, as /metrics reports them. */
async function writeThreads(): Promise<Record<string, number>> {
  const gauge = (await metrics().registry.getSingleMetric("wayfinder_pipeline_threads")!.get()).values;
  return Object.fromEntries(gauge.filter((value) => value.labels.lane === "write").map((value) => [value.labels.state, value.value]));
}

const publish = (version: string) =>
  runPipeline("prepareText", { text: openApi30(version, ["/a"]), limits: defaultIngestLimits }).then((prepared) => prepared.version);

it("ends a thread idle for WAYFINDER_PIPELINE_IDLE_SECONDS and starts one for the next task", async () => {
  expect(await publish("1.0.0")).toBe("1.0.0");
  // Warm for a burst: a task right after the last one finds the same thread waiting.
  expect(await writeThreads()).toEqual({ busy: 0, idle: 1, queued: 0 });
  expect(await publish("1.0.1")).toBe("1.0.1");
  expect(await writeThreads()).toEqual({ busy: 0, idle: 1, queued: 0 });
  let threads = await writeThreads();
  for (let waited = 0; waited < 100 && threads.idle; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    threads = await writeThreads();
  }
  expect(threads).toEqual({ busy: 0, idle: 0, queued: 0 });
  // The next task is not lost: a thread starts for it.
  expect(await publish("1.0.2")).toBe("1.0.2");
  expect(await writeThreads()).toEqual({ busy: 0, idle: 1, queued: 0 });
}, 60_000);
