/**
 * When links may prefetch. Every link on a page (about 30 on a service page) prefetches its route in
 * the background, and each prefetch is a server render; started as the page hydrates, they compete
 * with what the reader came for (Swagger UI boots at the same moment). The gate opens once the page
 * has loaded and the browser is idle, and stays shut while something holds it (the API reference,
 * until Swagger UI has drawn it), by default never longer than HOLD_LIMIT_MS.
 */
const HOLD_LIMIT_MS = 5_000;
const IDLE_TIMEOUT_MS = 2_000;

let loaded = false;
let holds = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

if (typeof window !== "undefined") {
  const afterIdle = () => {
    const open = () => {
      loaded = true;
      notify();
    };
    if ("requestIdleCallback" in window) window.requestIdleCallback(open, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(open, 0);
  };
  if (document.readyState === "complete") afterIdle();
  else window.addEventListener("load", afterIdle, { once: true });
}

export const prefetchGate = {
  isOpen: () => loaded && holds === 0,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

/**
 * Keeps links from prefetching until the returned function is called (once is enough; later calls do
 * nothing), or `limitMs` has passed.
 */
export function holdPrefetches(limitMs = HOLD_LIMIT_MS): () => void {
  holds += 1;
  notify();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(limit);
    holds -= 1;
    notify();
  };
  const limit = Number.isFinite(limitMs) ? setTimeout(release, limitMs) : undefined;
  return release;
}
