import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { pollDueSources } from "./poll-due-sources";

const holder = globalThis as typeof globalThis & { __wayfinderPoller?: NodeJS.Timeout };

/**
 * Polls due URL sources every WAYFINDER_POLL_SECONDS (default 30; 0 turns polling off in this
 * instance). Each source's own interval decides when it is due; claiming keeps instances apart.
 */
export function startSourcePoller(): void {
  const seconds = env().WAYFINDER_POLL_SECONDS ?? 30;
  if (holder.__wayfinderPoller || seconds === 0) return;
  let running = false;
  holder.__wayfinderPoller = setInterval(() => {
    if (running) return;
    running = true;
    getDb()
      .then((db) => pollDueSources(db))
      .then((count) => count && logger.info({ event: "source.polled", count }, "polled URL sources"))
      .catch((error: Error) => logger.error({ event: "source.poll_failed", error: error.message }, "polling URL sources failed"))
      .finally(() => (running = false));
  }, seconds * 1000);
  holder.__wayfinderPoller.unref();
}
