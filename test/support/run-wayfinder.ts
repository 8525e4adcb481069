import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const bin = path.resolve("bin/wayfinder.mjs");

/** Runs the real `wayfinder` command in a separate process, from another folder, with only the environment given. */
export async function runWayfinder(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
      maxBuffer: 20_000_000,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, out: failure.stdout, err: failure.stderr };
  }
}
