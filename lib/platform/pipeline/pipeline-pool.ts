import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/platform/env";
import { AppError, type ErrorCode } from "@/lib/platform/errors";
import { logger } from "@/lib/platform/logger";
import { gaugeReadOnScrape } from "@/lib/platform/metrics";
import { workerEntry, type WorkerScript } from "@/lib/platform/workers/worker-script";

/**
 * Runs ingestion off the main thread, so that a 20 MB document being parsed and validated does not
 * hold up every other request. Two lanes, each with threads of its own, so that readers' work never
 * queues in front of publishing's:
 *
 * - `write` (publishing, URL sources, CI pushes): WAYFINDER_PIPELINE_THREADS threads (default 2; 0 runs
 *   everything in the caller's thread);
 * - `read` (diffs anyone who can read may ask for): one thread.
 *
 * Each thread runs one task at a time (the rest wait in the lane's queue, in order), under a deadline
 * (WAYFINDER_PIPELINE_TIMEOUT_MS, default 60 s) and a heap ceiling (WAYFINDER_PIPELINE_MEMORY_MB,
 * default 1024): a task past either ends its thread, which is replaced, and fails with a 413 naming the
 * limit; the other tasks are not affected. Which tasks there are is the caller's: lib/pipeline registers them
 * (`registerPipeline`) with the worker script that serves the same tasks in a thread.
 */
export type PipelineLane = "write" | "read";

type Tasks = Record<string, (args: never) => Promise<unknown>>;

interface Job {
  task: string;
  args: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}
interface Slot {
  worker: Worker;
  lane: PipelineLane;
  /** The worker has loaded the pipeline (it says so first thing). */
  ready: boolean;
  job?: Job & { deadline?: NodeJS.Timeout; id: number };
  /** Set while the thread waits for work: it ends when this fires. */
  idle?: NodeJS.Timeout;
}
interface Lane {
  slots: Slot[];
  queue: Job[];
}

const holder = globalThis as typeof globalThis & {
  __wayfinderPipeline?: { load: () => Promise<object>; script: WorkerScript };
  __wayfinderLanes?: Record<PipelineLane, Lane>;
  __wayfinderPipelineUnavailable?: string;
  __wayfinderWorkerFound?: boolean;
};

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MEMORY_MB = 1024;
/**
 * A thread that has loaded the pipeline holds 76–136 MB (an idle server at 316–334 MB, 392–477 MB after one
 * diff); ended after two idle minutes, a burst of publishes shares warm threads and a quiet server gives
 * the memory back.
 */
const DEFAULT_IDLE_SECONDS = 120;

/** Runs a task on this thread: with WAYFINDER_PIPELINE_THREADS=0, or when worker threads cannot start here. */
const runHere = async (task: string, args: unknown) => ((await registered().load()) as Tasks)[task]!(args as never);

/**
 * How to load the tasks and the worker script that serves them, set once by the pipeline's owner. The
 * tasks are loaded only to run one on this thread: the pipeline's modules (parsers, validators, the
 * client generators with TypeScript's compiler, whose source text alone is 9 MB) would otherwise sit in
 * the server's own heap while the threads do the work (docs/benchmarks.md, "What the main thread keeps").
 */
export function registerPipeline(load: () => Promise<object>, script: WorkerScript): void {
  holder.__wayfinderPipeline = { load, script };
}

function registered() {
  if (!holder.__wayfinderPipeline) throw new Error("No pipeline tasks are registered (lib/pipeline/run-pipeline.ts registers them).");
  return holder.__wayfinderPipeline;
}
let nextId = 0;

function lanes(): Record<PipelineLane, Lane> {
  if (!holder.__wayfinderLanes)
    // Thread use for /metrics: busy and idle threads and queued tasks, per lane.
    gaugeReadOnScrape("wayfinder_pipeline_threads", "Pipeline worker threads and queued tasks, by lane and state.", ["lane", "state"], () =>
      (["write", "read"] as const).flatMap((lane) => {
        const { slots, queue } = lanes()[lane];
        const busy = slots.filter((slot) => slot.job).length;
        return [
          { labels: { lane, state: "busy" }, value: busy },
          { labels: { lane, state: "idle" }, value: slots.length - busy },
          { labels: { lane, state: "queued" }, value: queue.length },
        ];
      }),
    );
  return (holder.__wayfinderLanes ??= { write: { slots: [], queue: [] }, read: { slots: [], queue: [] } });
}

function limits() {
  const config = env();
  return {
    timeoutMs: config.WAYFINDER_PIPELINE_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
    memoryMb: config.WAYFINDER_PIPELINE_MEMORY_MB ?? DEFAULT_MEMORY_MB,
    idleMs: (config.WAYFINDER_PIPELINE_IDLE_SECONDS ?? DEFAULT_IDLE_SECONDS) * 1000,
  };
}

function laneSize(lane: PipelineLane): number {
  return lane === "read" ? 1 : (env().WAYFINDER_PIPELINE_THREADS ?? 2);
}

function startWorker(lane: PipelineLane): Slot {
  const entry = workerEntry(registered().script);
  logger.info({ event: "pipeline.worker_started", lane, file: path.relative(process.cwd(), entry.file) }, "pipeline worker thread started");
  const worker = new Worker(entry.file, {
    execArgv: entry.execArgv,
    env: process.env,
    resourceLimits: { maxOldGenerationSizeMb: limits().memoryMb },
  });
  const slot: Slot = { worker, lane, ready: false };
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
        // A task handed over while the thread was loading: its time starts now.
        if (slot.job) armDeadline(slot);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== id) return;
      settle(slot);
      if (!error) job.resolve(result);
      else if (error.appError) job.reject(new AppError(error.appError.code, error.appError.message, error.appError.details));
      else job.reject(new Error(error.message));
    },
  );
  let failed = false;
  const fail = (reason: Error) => {
    if (failed) return;
    failed = true;
    const current = lanes()[lane];
    current.slots = current.slots.filter((other) => other !== slot);
    const job = slot.job;
    if (job) clearTimeout(job.deadline);
    slot.job = undefined;
    if (!slot.ready) {
      // The worker never loaded (a runtime that cannot load TypeScript into a worker, say): ingestion
      // must not stop for that. Run here from now on, and say so once.
      markUnavailable(reason.message);
      const waiting = [...(job ? [job] : []), ...current.queue.splice(0)];
      for (const entry of waiting) runHere(entry.task, entry.args).then(entry.resolve, entry.reject);
      return;
    }
    // A worker that died while working (out of memory, stopped at its deadline) fails its own task
    // only; the lane starts a new thread for the next.
    job?.reject(reason);
    dispatch(lane);
  };
  worker.on("error", (error: Error & { code?: string }) => {
    const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
    logger.error({ event: "pipeline.worker_error", error: error.message }, "a pipeline worker failed");
    fail(
      outOfMemory
        ? new AppError("PAYLOAD_TOO_LARGE", `The document needed more than ${limits().memoryMb} MB to process (WAYFINDER_PIPELINE_MEMORY_MB).`, {
            limit: "memoryMb",
          })
        : error,
    );
  });
  worker.on("exit", (code) => fail(new Error(`The pipeline worker exited with ${code}.`)));
  worker.unref();
  return slot;
}

function settle(slot: Slot): void {
  if (slot.job) clearTimeout(slot.job.deadline);
  slot.job = undefined;
  slot.worker.unref();
  dispatch(slot.lane);
  if (!slot.job) {
    slot.idle = setTimeout(() => retire(slot), limits().idleMs);
    slot.idle.unref();
  }
}

/** Ends a thread that has waited for work since its last task (WAYFINDER_PIPELINE_IDLE_SECONDS). */
function retire(slot: Slot): void {
  const current = lanes()[slot.lane];
  current.slots = current.slots.filter((other) => other !== slot);
  logger.info({ event: "pipeline.worker_retired", lane: slot.lane }, "an idle pipeline worker thread ended");
  void slot.worker.terminate();
}

/** Hands queued tasks to idle threads of the lane, starting threads up to its size. */
function dispatch(lane: PipelineLane): void {
  const current = lanes()[lane];
  while (current.queue.length) {
    if (holder.__wayfinderPipelineUnavailable) {
      const job = current.queue.shift()!;
      runHere(job.task, job.args).then(job.resolve, job.reject);
      continue;
    }
    let slot = current.slots.find((candidate) => !candidate.job);
    if (!slot && current.slots.length < laneSize(lane)) {
      slot = startWorker(lane);
      current.slots.push(slot);
    }
    if (!slot) return;
    const job = current.queue.shift()!;
    clearTimeout(slot.idle);
    slot.job = { ...job, id: ++nextId };
    // A thread still loading runs the task once loaded: its deadline counts from then.
    if (slot.ready) armDeadline(slot);
    slot.worker.ref();
    slot.worker.postMessage({ id: slot.job.id, task: job.task, args: job.args });
  }
}

/** Stops the slot's task at its deadline: the thread is terminated and replaced, the task fails with a 413 naming the setting. */
function armDeadline(running: Slot): void {
  const job = running.job;
  if (!job) return;
  const { timeoutMs } = limits();
  job.deadline = setTimeout(() => {
    logger.warn({ event: "pipeline.deadline", task: job.task, ms: timeoutMs }, "a pipeline task ran past its deadline; its thread is stopped");
    if (running.job !== job) return;
    running.job = undefined;
    // Out of the lane at once (a terminating thread must not be handed the next task), then replaced.
    const current = lanes()[running.lane];
    current.slots = current.slots.filter((other) => other !== running);
    void running.worker.terminate();
    job.reject(
      new AppError("PAYLOAD_TOO_LARGE", `Processing the document took longer than ${timeoutMs / 1000} s (WAYFINDER_PIPELINE_TIMEOUT_MS).`, {
        limit: "timeoutMs",
      }),
    );
    dispatch(running.lane);
  }, timeoutMs);
  job.deadline.unref();
}

/**
 * Runs a registered task in a worker thread of its lane (or here, with WAYFINDER_PIPELINE_THREADS=0).
 * Readers' diffs go in the `read` lane, so they never delay a publish. Typed by lib/pipeline/run-pipeline.ts.
 */
export function runTask(task: string, args: unknown, { lane = "write" }: { lane?: PipelineLane } = {}): Promise<unknown> {
  if (env().WAYFINDER_PIPELINE_THREADS === 0 || holder.__wayfinderPipelineUnavailable || !workerScriptFound()) return runHere(task, args);
  return new Promise<unknown>((resolve, reject) => {
    lanes()[lane].queue.push({ task, args, resolve, reject });
    dispatch(lane);
  });
}

/** From now on tasks run on the caller's thread; said once. */
function markUnavailable(reason: string): void {
  if (!holder.__wayfinderPipelineUnavailable)
    logger.warn({ event: "pipeline.threads_unavailable", error: reason }, "worker threads cannot start here; ingestion runs on the main thread");
  holder.__wayfinderPipelineUnavailable = reason;
}

/**
 * Whether the threads' script is there (a production server without `.next/workers`, built by `npm run
 * build`, has none): without it ingestion runs here, as when a thread cannot load, instead of failing.
 */
function workerScriptFound(): boolean {
  if (holder.__wayfinderWorkerFound) return true;
  try {
    workerEntry(registered().script);
    holder.__wayfinderWorkerFound = true;
    return true;
  } catch (error) {
    markUnavailable((error as Error).message);
    return false;
  }
}

/** Ends the worker threads (scripts and tests that want to exit). */
export async function stopPipeline(): Promise<void> {
  const all = lanes();
  const slots = [...all.write.slots, ...all.read.slots];
  holder.__wayfinderLanes = undefined;
  holder.__wayfinderPipelineUnavailable = undefined;
  holder.__wayfinderWorkerFound = undefined;
  for (const slot of slots) clearTimeout(slot.idle);
  await Promise.all(slots.map((slot) => slot.worker.terminate()));
}
