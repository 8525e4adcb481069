import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
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
 * Makes a new database cluster in `dir` (PostgreSQL's initdb) in a short-lived child process: initdb's
 * WebAssembly takes ~850 MB for a few seconds, which a long-running server would otherwise keep as its
 * memory's high-water mark (measured: a portal's first start peaked at 1.22–1.29 GB, a second start,
 * which finds the cluster made, at ~1.1 GB). Only the first start of a data folder pays it.
 */
async function initializeInChild(dir: string): Promise<void> {
  const script = `import { PGlite } from "@electric-sql/pglite"; const db = new PGlite(${JSON.stringify(dir)}); await db.waitReady; await db.close();`;
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: process.cwd(), timeout: 120_000 });
  } catch (error) {
    throw new AppError(
      "DATABASE_UNAVAILABLE",
      `Could not create the embedded database in ${dir}: ${String((error as { stderr?: string }).stderr || error).slice(0, 500)}`,
    );
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
  if (!existsSync(path.join(absolute, "PG_VERSION"))) await initializeInChild(absolute);
  const db = newPglite(absolute);
  await db.waitReady;
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    release();
  };
  return db;
}
