/**
 * Next.js writes the address it started hydrating with back into history when hydration commits
 * (its HistoryUpdater's replaceState), so a hash link followed on the server-rendered page while it
 * hydrates is undone: on a large page a quick reader (or a browser test) loses the click. The hash
 * set in that window is remembered from this module's evaluation on, and put back once, on mount.
 */
let lost: string | null = null;
const remember = () => {
  lost = window.location.hash;
};
if (typeof window !== "undefined") window.addEventListener("hashchange", remember);

/** Call from the first effect of the component whose links are hashes; later mounts find nothing. */
export function restoreHashLostToHydration() {
  window.removeEventListener("hashchange", remember);
  const hash = lost;
  lost = null;
  if (!hash || window.location.hash) return;
  // Next.js (14.1 on) follows a replaceState made outside it; the event tells useSyncExternalStore.
  window.history.replaceState(window.history.state, "", hash);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
