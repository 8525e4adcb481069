import { holdPrefetches } from "@/components/prefetch-gate";

/**
 * The page's links wait to prefetch (each a server render) until the first Swagger UI has drawn:
 * held from here, the start, as a reference is about to boot; released by its onReady.
 */
export const releasePrefetches = typeof window !== "undefined" ? holdPrefetches() : () => {};

let operationHold: (() => void) | null = null;

/**
 * On a large document's page the links wait, beyond the overview, for the first operation the reader
 * opens, however long that takes: opening one is what the page is for, and its slice queued behind the
 * ~30 prefetches for the browser's connections and the server's cores (on two cores, a click right
 * after the page was ready took 1,247 ms, against 713 ms once they were done). Links still navigate.
 * Returns the release for when the page goes (an effect's cleanup), so that no other page is held.
 */
export function holdPrefetchesUntilOperationDrawn(): () => void {
  const release = holdPrefetches(Number.POSITIVE_INFINITY);
  operationHold = release;
  return () => {
    if (operationHold === release) operationHold = null;
    release();
  };
}

/** An operation has been resolved and is drawn next: the hold above ends once the browser has painted it. */
export function operationDrawn(): void {
  const release = operationHold;
  if (!release) return;
  operationHold = null;
  requestAnimationFrame(() => setTimeout(release, 0));
}
