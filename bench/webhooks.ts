/**
 * Webhook deliveries per second: BENCH_WEBHOOK_EVENTS events (default 500) for a team with
 * BENCH_WEBHOOK_ENDPOINTS subscriptions (default 4) to a local receiver, delivered through the job
 * queue as the portal runs it (2 workers taking 8 jobs at a time), each signed per Standard Webhooks,
 * sent through the SSRF-safe fetcher and recorded; then the same deliveries attempted directly, 4 at a
 * time, without the queue, to show what the queue costs. PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL. Prints a table; asserts nothing.
 */
import { createServer } from "node:http";
import { createPostgresDatabase } from "../test/support/test-databases";

const events = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 500);
const endpoints = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 4);

let received = 0;
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    received += 1;
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const port = (receiver.address() as { port: number }).port;
// Loopback is refused unless allowed; set before anything reads the environment.
process.env.WAYFINDER_WEBHOOK_ALLOW = `127.0.0.1:${port}`;
process.env.LOG_LEVEL = "silent";

const { systemActor } = await import("@/lib/auth/actor");
const { openDatabase } = await import("@/lib/platform/db/open-database");
const { inTransaction } = await import("@/lib/platform/db/types");
const { startJobQueue } = await import("@/lib/start-up/job-queues");
const { queueDeliveries, workDeliveries } = await import("@/lib/webhooks/webhook-jobs");
const { createService } = await import("@/lib/services/create-service");
const { createTeam } = await import("@/lib/teams/create-team");
const { createWebhook } = await import("@/lib/webhooks/create-webhook");
const { attemptDelivery } = await import("@/lib/webhooks/deliver-webhook");
const { recordWebhookEvent } = await import("@/lib/webhooks/record-webhook-event");
const { webhookSettings } = await import("@/lib/webhooks/webhook-settings");

const postgres = process.env.BENCH_DATABASE_URL ? await createPostgresDatabase(process.env.BENCH_DATABASE_URL) : null;
const database = await openDatabase(postgres ? { kind: "postgres", url: postgres.url } : { kind: "pglite", dataDir: null });
const db = database.prisma;
const actor = systemActor("bench");
await createTeam(db, { actor, input: { slug: "bench", name: "Bench" } });
await createService(db, { actor, input: { slug: "bench-api", name: "Bench API", primaryOwner: "bench" } });
const service = await db.service.findUniqueOrThrow({ where: { slug: "bench-api" }, select: { id: true } });
for (let i = 0; i < endpoints; i += 1)
  await createWebhook(db, { actor, teamSlug: "bench", input: { url: `http://127.0.0.1:${port}/hook-${i}`, events: ["version.published"] } });

async function record(): Promise<void> {
  for (let i = 0; i < events; i += 1)
    await inTransaction(db, (tx) => recordWebhookEvent(tx, { type: "version.published", serviceId: service.id, data: { version: `1.0.${i}` } }));
}

// Through the queue, as the portal delivers.
await record();
const total = events * endpoints;
const boss = await startJobQueue(database);
await workDeliveries(db, boss);
const queuedStart = performance.now();
while (received < total) {
  await queueDeliveries(db, boss);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const queuedSeconds = (performance.now() - queuedStart) / 1000;
await boss.stop({ graceful: true, timeout: 10_000 });

// Directly, four at a time: the delivery itself (sign, send, record) without the queue.
received = 0;
await record();
const pending = (await db.webhookDelivery.findMany({ where: { status: "pending" }, select: { id: true } })).map((row) => row.id);
const settings = webhookSettings();
const directStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < pending.length) await attemptDelivery(db, pending[next++]!, settings, { last: true });
  }),
);
const directSeconds = (performance.now() - directStart) / 1000;

console.log(`\nWebhook deliveries (${postgres ? "PostgreSQL" : "PGlite"}): ${events} events × ${endpoints} endpoints = ${total}, local receiver\n`);
console.log(["path", "deliveries", "seconds", "per second"].join("\t"));
console.log(["job queue (as the portal runs)", total, queuedSeconds.toFixed(1), (total / queuedSeconds).toFixed(0)].join("\t"));
console.log(["direct (no queue)", pending.length, directSeconds.toFixed(1), (pending.length / directSeconds).toFixed(0)].join("\t"));
await database.close();
await postgres?.drop();
receiver.close();
