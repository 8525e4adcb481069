import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { pipelineTasks, type PipelineTask, type PipelineTasks } from "./pipeline-tasks";

/**
 * Runs ingestion off the main thread, so that a 20 MB document being parsed and validated does not
 * hold up every other request: WAYFINDER_PIPELINE_THREADS worker threads (default 2; 0 runs it in the
 * caller's thread), each taking one task at a time, started on first use and kept. The workers load
 * the same TypeScript modules through tsx, from this checkout.
 */
interface Pending {
  task: PipelineTask;
  args: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The worker has loaded the pipeline (it says so first thing). */
  ready: boolean;
}

const holder = globalThis as typeof globalThis & { __wayfinderPipeline?: Slot[]; __wayfinderPipelineUnavailable?: string };

/** Runs a task on this thread: with WAYFINDER_PIPELINE_THREADS=0, or when worker threads cannot start here. */
const runHere = (task: PipelineTask, args: unknown) => (pipelineTasks[task] as (args: unknown) => Promise<unknown>)(args);
let nextId = 0;

function startWorker(): Slot {
  const entry = path.join(process.cwd(), "lib/pipeline/pipeline-worker.ts");
  const worker = new Worker(entry, { execArgv: ["--import", "tsx"], env: process.env });
  const slot: Slot = { worker, pending: new Map(), ready: false };
  worker.on(
    "message",
    ({
      id,
      ready,
      result,
      error,
    }: {
      id: number;
      ready?: boolean;
      result?: unknown;
      error?: { appError?: { code: ErrorCode; message: string; details?: unknown }; message?: string };
    }) => {
      if (ready) {
        slot.ready = true;
        return;
      }
      const waiting = slot.pending.get(id);
      if (!waiting) return;
      slot.pending.delete(id);
      if (!error) waiting.resolve(result);
      else if (error.appError) waiting.reject(new AppError(error.appError.code, error.appError.message, error.appError.details));
      else waiting.reject(new Error(error.message));
    },
  );
  const fail = (reason: Error) => {
    holder.__wayfinderPipeline = holder.__wayfinderPipeline?.filter((other) => other !== slot);
    const waiting = [...slot.pending.values()];
    slot.pending.clear();
    if (!slot.ready) {
      // The worker never loaded (a runtime that cannot load TypeScript into a worker, say): ingestion
      // must not stop for that. Run here from now on, and say so once.
      if (!holder.__wayfinderPipelineUnavailable)
        logger.warn({ event: "pipeline.threads_unavailable", error: reason.message }, "worker threads cannot start here; ingestion runs on the main thread");
      holder.__wayfinderPipelineUnavailable = reason.message;
      for (const entry of waiting) runHere(entry.task, entry.args).then(entry.resolve, entry.reject);
      return;
    }
    // A worker that died while working is replaced on the next task; its tasks fail.
    for (const entry of waiting) entry.reject(reason);
  };
  worker.on("error", (error) => {
    logger.error({ event: "pipeline.worker_error", error: error.message }, "a pipeline worker failed");
    fail(error);
  });
  worker.on("exit", (code) => code !== 0 && fail(new Error(`The pipeline worker exited with ${code}.`)));
  worker.unref();
  return slot;
}

function pickSlot(threads: number): Slot {
  const slots = (holder.__wayfinderPipeline ??= []);
  while (slots.length < threads) slots.push(startWorker());
  return slots.reduce((idlest, slot) => (slot.pending.size < idlest.pending.size ? slot : idlest));
}

/** Runs a pipeline task in a worker thread (or here, with WAYFINDER_PIPELINE_THREADS=0). */
export function runPipeline<T extends PipelineTask>(task: T, args: Parameters<PipelineTasks[T]>[0]): ReturnType<PipelineTasks[T]> {
  const threads = env().WAYFINDER_PIPELINE_THREADS ?? 2;
  if (threads === 0 || holder.__wayfinderPipelineUnavailable) return runHere(task, args) as ReturnType<PipelineTasks[T]>;
  const slot = pickSlot(threads);
  const id = ++nextId;
  slot.worker.ref();
  return new Promise<unknown>((resolve, reject) => {
    slot.pending.set(id, {
      task,
      args,
      resolve: (value) => {
        if (slot.pending.size === 0) slot.worker.unref();
        resolve(value);
      },
      reject: (error) => {
        if (slot.pending.size === 0) slot.worker.unref();
        reject(error);
      },
    });
    slot.worker.postMessage({ id, task, args });
  }) as ReturnType<PipelineTasks[T]>;
}

/** Ends the worker threads (scripts and tests that want to exit). */
export async function stopPipeline(): Promise<void> {
  const slots = holder.__wayfinderPipeline ?? [];
  holder.__wayfinderPipeline = [];
  holder.__wayfinderPipelineUnavailable = undefined;
  await Promise.all(slots.map((slot) => slot.worker.terminate()));
}
