// Not committed: the /api/health and /services floors with and without the tracer provider.
import { mkdtempSync } from "node:fs";
import { startPortal } from "./test/support/portal-server";
async function drive(url: string, clients: number, seconds: number) {
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const r = await fetch(url);
        await r.arrayBuffer();
        if (r.status >= 400) errors++;
        lat.push(performance.now() - t);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return `${(lat.length / seconds).toFixed(0)}/s p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(0)} p95 ${lat[Math.floor(lat.length * 0.95)]!.toFixed(0)} errors ${errors}`;
}
const dir = mkdtempSync("/tmp/wf-floor-");
await (await startPortal({ WAYFINDER_DATA_DIR: dir })).stop();
for (let round = 0; round < 2; round++)
  for (const [name, env] of [
    ["no tracing", {}],
    ["tracing (metrics token)", { WAYFINDER_METRICS_TOKEN: "0123456789abcdef0123" }],
  ] as const) {
    const s = await startPortal({ WAYFINDER_DATA_DIR: dir, ...env });
    await drive(`${s.url}/api/health`, 50, 3);
    const health = await drive(`${s.url}/api/health`, 50, 10);
    await drive(`${s.url}/services`, 20, 3);
    const page = await drive(`${s.url}/services`, 20, 10);
    console.log(`${name}: /api/health ${health} | /services ${page}`);
    await s.stop();
  }
