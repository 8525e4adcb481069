// Back-pressure for the portal's HTTP server: at most `concurrent` requests are being answered at
// once, the next `queued` wait their turn in arrival order, and beyond that (or after waiting
// `maxWaitMs`) a request is answered 503 with Retry-After at once. So load beyond what the database
// pool can serve queues here, holding no connection, instead of timing out in the pool as a 500.
// Static files and the health check are never held back. Plain JavaScript: scripts/serve.mjs loads
// it before Next.js; lib/platform/env.ts checks its two settings.

/** Requests that never wait: built assets, and the load balancer's check (it must say "up" under load). */
const UNLIMITED = /^\/(_next\/static\/|favicon\.ico|icon\.svg|api\/health(\?|$))/;

/**
 * @param {{ concurrent: number, queued: number, maxWaitMs: number }} limits
 */
export function admission(limits) {
  let active = 0;
  /** @type {{ run: () => void, refuse: () => void, timer: NodeJS.Timeout }[]} */
  const waiting = [];
  const stats = { admitted: 0, queued: 0, refused: 0 };

  const release = () => {
    active -= 1;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      active += 1;
      next.run();
    }
  };

  /**
   * Runs `handle` now, later, or answers 503 instead.
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   * @param {() => void} handle
   */
  function admit(request, response, handle) {
    if (UNLIMITED.test(request.url ?? "/")) return handle();
    const run = () => {
      stats.admitted += 1;
      let released = false;
      const once = () => {
        if (released) return;
        released = true;
        release();
      };
      response.once("finish", once);
      response.once("close", once);
      handle();
    };
    if (active < limits.concurrent) {
      active += 1;
      return run();
    }
    const refuse = () => {
      stats.refused += 1;
      const api = !(request.headers.accept ?? "").includes("text/html");
      response.writeHead(503, {
        "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
        "Retry-After": "1",
        "X-Content-Type-Options": "nosniff",
      });
      const message = "The portal is busy; try again in a second.";
      response.end(api ? JSON.stringify({ error: { code: "OVERLOADED", message } }) : message);
    };
    if (waiting.length >= limits.queued) return refuse();
    stats.queued += 1;
    const entry = {
      run,
      refuse,
      timer: setTimeout(() => {
        const index = waiting.indexOf(entry);
        if (index >= 0) waiting.splice(index, 1);
        refuse();
      }, limits.maxWaitMs),
    };
    waiting.push(entry);
    // A client that gives up while waiting leaves the queue.
    response.once("close", () => {
      const index = waiting.indexOf(entry);
      if (index >= 0) {
        waiting.splice(index, 1);
        clearTimeout(entry.timer);
      }
    });
  }

  return { admit, read: () => ({ active, waiting: waiting.length, ...stats }) };
}
