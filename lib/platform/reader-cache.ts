import { AppError } from "@/lib/platform/errors";

/**
 * Work that readers ask for, kept by a key that names its inputs' content (a stored version never
 * changes, so neither does what is computed from it): a second reader of the same key waits for the
 * first one's computation or reads the kept result. Each caller may have `perCaller` uncached
 * computations running at once; more are refused with 429, so no reader can fill the threads.
 */
export function readerCache<T>({ maxEntries, perCaller, what }: { maxEntries: number; perCaller: number; what: string }) {
  const kept = new Map<string, Promise<T>>();
  const computing = new Map<string, number>();
  return async function cached(key: string, caller: string, compute: () => Promise<T>): Promise<T> {
    const hit = kept.get(key);
    if (hit) {
      // Most recently used last, so the oldest is dropped first.
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const busy = computing.get(caller) ?? 0;
    if (busy >= perCaller)
      throw new AppError("TOO_MANY_REQUESTS", `At most ${perCaller} ${what} at a time per person; wait for one to finish.`, { retryAfterSeconds: 1 });
    computing.set(caller, busy + 1);
    const result = compute().finally(() => {
      const left = (computing.get(caller) ?? 1) - 1;
      if (left > 0) computing.set(caller, left);
      else computing.delete(caller);
    });
    kept.set(key, result);
    // A failure is not kept: the next reader tries again.
    result.catch(() => kept.get(key) === result && kept.delete(key));
    while (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
    return result;
  };
}
