/**
 * A memo of at most `maxEntries` results, the oldest dropped first: for work computed from what a
 * published document says (its patterns), which any reader or mock caller can make the portal do.
 */
export function boundedMemo<V>(maxEntries: number) {
  const kept = new Map<string, V>();
  return {
    has: (key: string) => kept.has(key),
    get: (key: string) => kept.get(key),
    set(key: string, value: V): void {
      if (kept.size >= maxEntries) kept.delete(kept.keys().next().value!);
      kept.set(key, value);
    },
  };
}
