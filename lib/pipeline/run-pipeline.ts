import { registerPipeline, runTask, stopPipeline, type PipelineLane } from "@/lib/platform/pipeline/pipeline-pool";
import type { PipelineTask, PipelineTasks } from "./pipeline-tasks";

// The pool (platform) runs whatever it is given; ingestion's tasks are these, served in a thread by
// pipeline-worker.ts, and imported here only when one runs on this thread.
registerPipeline(() => import("./pipeline-tasks").then((module) => module.pipelineTasks), {
  source: "lib/pipeline/pipeline-worker.ts",
  built: "pipeline-worker.mjs",
});

/** Runs an ingestion task off the main thread (see lib/platform/pipeline/pipeline-pool.ts for lanes, deadlines and heap ceilings). */
export function runPipeline<T extends PipelineTask>(
  task: T,
  args: Parameters<PipelineTasks[T]>[0],
  options: { lane?: PipelineLane } = {},
): ReturnType<PipelineTasks[T]> {
  return runTask(task, args, options) as ReturnType<PipelineTasks[T]>;
}

export { stopPipeline };
