import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { newPglite } from "./embedded-postgres";
import { AppError } from "@/lib/platform/errors";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Opens the embedded database in `dataDir` (created if missing). PGlite's data folder can be open in
 * only one process at a time, and two writers corrupt it silently, so a lock file with our pid
 * refuses a second process (a seed while the server runs, say) with an error that says what to do.
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  const absolute = path.resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  const lockFile = `${absolute}.lock`;
  let holder: number | undefined;
  try {
    holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new AppError(
      "DATABASE_IN_USE",
      `The embedded database at ${absolute} is open in another process (pid ${holder}), probably the portal server. Stop it first, or run this command against PostgreSQL with DATABASE_URL.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  const db = newPglite(absolute);
  await db.waitReady;
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    release();
  };
  return db;
}
