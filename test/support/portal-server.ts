import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
// @ts-expect-error: plain JavaScript, shared with the scripts that start the server
import { serverEnvironment, serverNodeFlags } from "../../scripts/server-node-flags.mjs";

const root = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The process and its child processes (the server's workers that are processes of their own). */
const processTree = (pid: number) => [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)];

/** A figure of /proc/{id}/status in MB (its values are in kB). */
const statusMb = (id: number, field: "VmHWM" | "VmRSS") =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** utime and stime, the 14th and 15th fields of /proc/{id}/stat, in seconds (100 clock ticks a second on Linux). */
function ownCpuSeconds(id: number): number {
  const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const peakMemoryMb = (pid: number) => Math.max(...processTree(pid).map((id) => statusMb(id, "VmHWM")));
const residentMemoryMb = (pid: number) => processTree(pid).reduce((sum, id) => sum + statusMb(id, "VmRSS"), 0);
const cpuSeconds = (pid: number) => processTree(pid).reduce((sum, id) => sum + ownCpuSeconds(id), 0);

export interface PortalServer {
  url: string;
  /** CPU time (user and system) the server process and its children have used so far, in seconds. */
  cpuSeconds(): number;
  /** Resident memory now (VmRSS) of the server process and its children together, in MB. */
  residentMemoryMb(): number;
  /** Peak resident memory (VmHWM) of the server process and its children, in MB. */
  peakMemoryMb(): number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the production build (scripts/serve.mjs) as its own process, as `npm start` does, on a free port
 * with the given environment, and waits until /api/health answers 200 (or answers at all, when
 * `waitForHealthy` is false).
 */
export async function startPortal(env: Record<string, string>, options: { waitForHealthy?: boolean } = {}): Promise<PortalServer> {
  const waitForHealthy = options.waitForHealthy ?? true;
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("No production build: run `npm run build` first (npm test does).");
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, path.join(root, "scripts/serve.mjs"), String(port)], {
    cwd: root,
    env: {
      ...process.env,
      ...serverEnvironment,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "info",
      WAYFINDER_LOCAL_SIGNIN: "true",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200 || (!waitForHealthy && status !== 0)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The portal did not become healthy within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    cpuSeconds: () => cpuSeconds(child.pid!),
    peakMemoryMb: () => peakMemoryMb(child.pid!),
    residentMemoryMb: () => residentMemoryMb(child.pid!),
    output: () => output,
    // Bounded: a child that has already ended (by a signal too, where exitCode stays null) is not waited
    // for, and one that has not exited 15 s after SIGTERM is killed, said in the test's output, rather
    // than holding the suite until its hook times out.
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => {
          console.warn(`The portal (pid ${child.pid}) had not exited 15 s after SIGTERM: killed.\n${output.slice(-2000)}`);
          child.kill("SIGKILL");
        }, 15_000);
        child.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The statuses the server answered that their operations do not declare, from `defineRoute`'s
 * `contract.undeclared_status` log lines, as "409 POST /services/{slug}/versions (/api/v1/services/x/versions)".
 */
export function undeclaredStatuses(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.includes('"contract.undeclared_status"'))
    .map((line) => {
      const entry = JSON.parse(line) as { status: number; operation: string; path: string };
      return `${entry.status} ${entry.operation} (${entry.path})`;
    });
}
