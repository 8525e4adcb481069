import { startPortal } from "../test/support/portal-server";
const portal = await startPortal({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/bench_catalogue", NEXTAUTH_SECRET: "a-bench-secret-that-is-at-least-32-characters", WAYFINDER_DEMO: "false", LOG_LEVEL: "warn", WAYFINDER_POLL_SECONDS: "0" });
const html = await (await fetch(portal.url + "/services")).text();
const { writeFileSync } = await import("node:fs");
writeFileSync("/tmp/services.html", html);
await portal.stop();
