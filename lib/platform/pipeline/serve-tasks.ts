import { parentPort } from "node:worker_threads";
import { isAppError } from "@/lib/platform/errors";

type Tasks = Record<string, (args: never) => Promise<unknown>>;

/**
 * A pipeline worker thread's loop: says it is ready, then runs each task it is handed and answers with
 * the result, or with the error's code, message and details so that the caller rethrows the same
 * AppError it would have got in its own thread.
 */
export function serveTasks(served: object): void {
  const tasks = served as Tasks;
  parentPort!.postMessage({ ready: true });
  parentPort!.on("message", ({ id, task, args }: { id: number; task: string; args: never }) => {
    tasks[task]!(args)
      .then((result) => parentPort!.postMessage({ id, result }))
      .catch((error: unknown) => {
        const failure = isAppError(error)
          ? { appError: { code: error.code, message: error.message, details: error.details } }
          : { message: (error as Error).message ?? String(error) };
        parentPort!.postMessage({ id, error: failure });
      });
  });
}
