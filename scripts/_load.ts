import { startPortal } from "../test/support/portal-server";
const portal = await startPortal({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/bench_catalogue", NEXTAUTH_SECRET: "a-bench-secret-that-is-at-least-32-characters", WAYFINDER_DEMO: "false", LOG_LEVEL: "warn", WAYFINDER_POLL_SECONDS: "0" });
const urls = process.argv.slice(2);
for (const url of urls) {
  for (const phase of ["warm", "run"]) {
    const lat: number[] = []; const end = performance.now() + (phase === "warm" ? 2000 : 8000); let bytes = 0; let errs = 0;
    await Promise.all(Array.from({ length: 50 }, async () => { while (performance.now() < end) { const t = performance.now(); const r = await fetch(portal.url + url); const b = await r.arrayBuffer(); bytes = b.byteLength; if (r.status >= 400) errs++; lat.push(performance.now() - t); } }));
    if (phase === "run") { lat.sort((a, b) => a - b); console.log(url, "p50", lat[lat.length >> 1]!.toFixed(1), "p95", lat[Math.floor(lat.length * 0.95)]!.toFixed(1), "req/s", (lat.length / 8).toFixed(0), "bytes", bytes, "errors", errs); }
  }
}
await portal.stop();
