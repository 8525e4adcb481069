/**
 * Concurrent publishing under read load, over HTTP against the production build on PostgreSQL
 * (BENCH_DATABASE_URL; skipped without it or without a build): 50 readers fetching the catalogue and
 * a service while 2 publishers push new revisions of one version as fast as they can, for
 * BENCH_LOAD_SECONDS (default 60). Prints requests, errors by status, and whether any revision number
 * was stored twice. Traffic stays on 127.0.0.1 and stops by itself.
 */
import { existsSync } from "node:fs";
import path from "node:path";

const base = process.env.BENCH_DATABASE_URL;
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
if (!base || !existsSync(path.resolve(".next/BUILD_ID"))) {
  console.log("\nPublishing under load: skipped (set BENCH_DATABASE_URL and run `npm run build` first).");
  process.exit(0);
}
const { startPortal } = await import("../test/support/portal-server");
const { signInLocally } = await import("../test/support/sign-in");
const { createPostgresDatabase } = await import("../test/support/test-databases");

const database = await createPostgresDatabase(base);
const server = await startPortal({
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: "a-bench-secret-that-is-at-least-32-characters",
  WAYFINDER_DEMO: "true",
  WAYFINDER_ADMINS: "admin@bench.test",
  LOG_LEVEL: "warn",
});
const admin = await signInLocally(server.url, { name: "Admin", email: "admin@bench.test" });
const token = (
  (await (
    await fetch(`${server.url}/api/v1/teams/payments/tokens`, {
      method: "POST",
      headers: { ...admin, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "bench", service: "payments-api" }),
    })
  ).json()) as { token: string }
).token;

const statuses = new Map<string, number>();
const count = (kind: string, status: number) => statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);
const deadline = Date.now() + seconds * 1000;
let published = 0;

async function reader(i: number) {
  const urls = ["/api/v1/services?pageSize=50", "/api/v1/services/payments-api", "/api/v1/services/payments-api/versions"];
  for (let n = i; Date.now() < deadline; n += 1) {
    const response = await fetch(`${server.url}${urls[n % urls.length]}`).catch(() => null);
    count("read", response?.status ?? 0);
    await response?.arrayBuffer();
  }
}
async function publisher(i: number) {
  for (let n = 0; Date.now() < deadline; n += 1) {
    const document = {
      openapi: "3.0.3",
      info: { title: "Payments API", version: "9.9.9" },
      paths: { [`/load-${i}-${n}`]: { get: { responses: { "200": { description: "ok" } } } } },
    };
    const response = await fetch(`${server.url}/api/v1/services/payments-api/versions`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(document),
    }).catch(() => null);
    count("publish", response?.status ?? 0);
    if (response?.status === 201) published += 1;
    await response?.arrayBuffer();
  }
}

await Promise.all([...Array.from({ length: 50 }, (_, i) => reader(i)), publisher(1), publisher(2)]);
const versions = (
  (await (await fetch(`${server.url}/api/v1/services/payments-api/versions`)).json()) as { items: { version: string; revision: number }[] }
).items.filter((version) => version.version === "9.9.9");
const revisions = versions.map((version) => version.revision);
const duplicates = revisions.length - new Set(revisions).size;
console.log(`\nPublishing under load: 50 readers and 2 publishers for ${seconds} s over HTTP (PostgreSQL).\n`);
console.log(["requests", "status", "count"].join("\t"));
for (const [key, value] of [...statuses].sort()) console.log([...key.split(" "), value].join("\t"));
console.log(`\n${published} revisions published, ${versions.length} stored, ${duplicates} revision numbers stored twice.`);
await server.stop();
await database.drop();
process.exit(0);
