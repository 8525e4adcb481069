/**
 * Runs once when the server starts. An invalid environment stops the start with a message naming the
 * variable (Next.js would otherwise keep serving 500s). The database is opened here too, so migrations
 * and the demo load before the first request; if it is unreachable the server still starts, reports
 * it on /api/health, and retries on the next request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, publicUrl } = await import("./lib/platform/env");
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    console.error(`Wayfinder cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
  // Before anything else runs, so the first requests and the database's start are traced too. Only
  // when something reads the spans (a collector, or /metrics' pages by route): otherwise Next.js
  // makes none, and the requests pay nothing for them.
  if (config.WAYFINDER_OTLP_ENDPOINT || config.WAYFINDER_METRICS_TOKEN) {
    const { startTracing, otlpHeaders } = await import("./lib/platform/telemetry/start-tracing");
    startTracing({ endpoint: config.WAYFINDER_OTLP_ENDPOINT, headers: otlpHeaders(config.WAYFINDER_OTLP_HEADERS) });
  }
  const { database } = await import("./lib/platform/db/database");
  const { prepareDatabaseOnOpen } = await import("./lib/start-up/prepare-database");
  prepareDatabaseOnOpen();
  const { logger } = await import("./lib/platform/logger");
  // next-auth builds its callback URLs from NEXTAUTH_URL; behind a proxy or on a real host, set it.
  if (!process.env.NEXTAUTH_URL) {
    process.env.NEXTAUTH_URL = publicUrl().origin;
    logger.warn({ event: "auth.url_defaulted", url: process.env.NEXTAUTH_URL }, "NEXTAUTH_URL is not set; sign-in assumes this address");
  }
  await database().catch((error: Error) => logger.error({ event: "db.unavailable", error: error.message.split("\n")[0] }, "database unavailable at start"));
  // scripts/page-cache.mjs asks which pages readers not signed in share and the state of what they show,
  // and counts here the answers it gives without Next.js, which counts the rest from its spans.
  const { sharedPageState } = await import("./lib/pages/shared-page-state");
  const { observeRequest } = await import("./lib/platform/metrics");
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("wayfinder.sharedPages")] = {
    state: sharedPageState,
    answered: (route: string, status: number, seconds: number) => observeRequest(route, "GET", status, seconds),
  };
  const { startBackgroundWorkInServer } = await import("./lib/start-up/start-in-server");
  startBackgroundWorkInServer();
}
