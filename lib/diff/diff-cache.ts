import { AppError } from "@/lib/platform/errors";
import type { DiffResult } from "./diff-types";

/**
 * Diffs that readers ask for, kept by the content hashes of the two documents (a stored version's
 * content never changes, so neither does their diff): a second reader of the same pair waits for the
 * first one's computation or reads the kept result. Each caller may have MAX_PER_CALLER uncached
 * diffs computing at once; more are refused with 429, so no reader can fill the threads.
 */
const MAX_ENTRIES = 64;
export const MAX_PER_CALLER = 2;

const kept = new Map<string, Promise<DiffResult>>();
const computing = new Map<string, number>();

export async function cachedDiff(key: string, caller: string, compute: () => Promise<DiffResult>): Promise<DiffResult> {
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last, so the oldest is dropped first.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const busy = computing.get(caller) ?? 0;
  if (busy >= MAX_PER_CALLER)
    throw new AppError("TOO_MANY_REQUESTS", `At most ${MAX_PER_CALLER} comparisons at a time per person; wait for one to finish.`, {
      retryAfterSeconds: 1,
    });
  computing.set(caller, busy + 1);
  const result = compute().finally(() => {
    const left = (computing.get(caller) ?? 1) - 1;
    if (left > 0) computing.set(caller, left);
    else computing.delete(caller);
  });
  kept.set(key, result);
  // A failure is not kept: the next reader tries again.
  result.catch(() => kept.get(key) === result && kept.delete(key));
  while (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  return result;
}
