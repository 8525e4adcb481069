/**
 * A pipeline worker thread's entry (started by the pool in lib/platform/pipeline/pipeline-pool.ts; built
 * to .next/workers/pipeline-worker.mjs for production): serves the pipeline's tasks.
 */
import { serveTasks } from "@/lib/platform/pipeline/serve-tasks";
import { pipelineTasks } from "./pipeline-tasks";

serveTasks(pipelineTasks);
