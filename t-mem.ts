import { mkdtempSync } from "node:fs";
import { startPortal } from "./test/support/portal-server";
const dir = mkdtempSync("/tmp/wf-mem-");
const env = { WAYFINDER_DATA_DIR: dir, WAYFINDER_METRICS_TOKEN: "0123456789abcdef0123" };
await (await startPortal(env)).stop();
const s = await startPortal(env);
await new Promise((r) => setTimeout(r, 15000));
for (const path of ["/services", "/services/orders-api", "/api/v1/search?q=order"]) await fetch(`${s.url}${path}`);
await new Promise((r) => setTimeout(r, 5000));
const text = await (await fetch(`${s.url}/metrics`, { headers: { Authorization: "Bearer 0123456789abcdef0123" } })).text();
console.log(
  text
    .split("\n")
    .filter((l) => /^wayfinder_(process_resident|nodejs_heap_size_total|nodejs_external)/.test(l))
    .join("\n"),
);
console.log("rss total", s.residentMemoryMb().toFixed(0));
await s.stop();
