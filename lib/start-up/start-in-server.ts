import "server-only";
import { database } from "@/lib/platform/db/database";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import type { BackgroundWork } from "./background-work";

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
      // Imported once the database is up, not with this module: the job handlers bring the publishing
      // pipeline, the linter and the client generators, which the server's start need not wait for.
      .then(async (db) => (await import("./background-work")).startBackgroundWork(db))
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
