/**
 * A worker thread's entry (loaded through tsx by pipeline-pool.ts): runs pipeline tasks and answers
 * with the result, or with the error's code, message and details so that the caller rethrows the same
 * AppError it would have got in its own thread.
 */
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/errors";
import { pipelineTasks, type PipelineTask } from "./pipeline-tasks";

interface Request {
  id: number;
  task: PipelineTask;
  args: never;
}

// Loaded: tasks can come (the pool runs them on its own thread if this never arrives).
parentPort!.postMessage({ ready: true });

parentPort!.on("message", ({ id, task, args }: Request) => {
  pipelineTasks[task](args)
    .then((result) => parentPort!.postMessage({ id, result }))
    .catch((error: unknown) => {
      const failure = isAppError(error)
        ? { appError: { code: error.code, message: error.message, details: error.details } }
        : { message: (error as Error).message ?? String(error) };
      parentPort!.postMessage({ id, error: failure });
    });
});
