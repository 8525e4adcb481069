import "server-only";
import { database } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { startBackgroundWork, type BackgroundWork } from "./background-work";

const holder = globalThis as typeof globalThis & { __wayfinderWork?: Promise<BackgroundWork> };
const RETRY_MS = 15_000;

/**
 * The web server's background work (unless WAYFINDER_WORKER=false), started once per process. When
 * the database is not there yet it tries again every 15 s, as the rest of the server does.
 */
export function startBackgroundWorkInServer(): void {
  if (env().WAYFINDER_WORKER === false || holder.__wayfinderWork) return;
  const attempt = (): void => {
    holder.__wayfinderWork = database()
      .then((db) => startBackgroundWork(db))
      .catch((error: Error) => {
        logger.error({ event: "jobs.start_failed", error: error.message.split("\n")[0] }, "background work could not start; retrying");
        holder.__wayfinderWork = undefined;
        setTimeout(attempt, RETRY_MS).unref();
        throw error;
      });
    holder.__wayfinderWork.catch(() => undefined);
  };
  attempt();
}
