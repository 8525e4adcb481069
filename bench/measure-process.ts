import { spawnSync } from "node:child_process";

/** Runs a command under /usr/bin/time; returns its output (both streams), peak RSS in MB and wall time in ms. */
export function measured(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { output: string; peakMb: number; ms: number } {
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "peak_rss_kb=%M", command, ...args], { encoding: "utf8", env, maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  const output = `${run.stdout}${run.stderr}`;
  return { output, peakMb: Number(/peak_rss_kb=(\d+)/.exec(output)?.[1] ?? 0) / 1024, ms };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Run = { ms: number; peakMb: number };

/**
 * Several interleaved runs of a command and of its anchor, as one table row: each one's median time
 * and median peak memory, then ours over theirs for both.
 */
export function comparedMedians(ours: Run[], theirs: Run[]): string[] {
  const [mine, anchor] = [ours, theirs].map((runs) => ({ ms: median(runs.map((run) => run.ms)), peakMb: median(runs.map((run) => run.peakMb)) })) as [Run, Run];
  return [mine.ms, mine.peakMb, anchor.ms, anchor.peakMb]
    .map((value) => value.toFixed(0))
    .concat([(mine.ms / anchor.ms).toFixed(2), (mine.peakMb / anchor.peakMb).toFixed(2)]);
}

/**
 * Waits until the portal has finished what publishing set off in the background (lint, search
 * index, scorecards…): until it uses under 5 % of a core over two consecutive seconds, for at most
 * `limitSeconds`. Returns how long that took, in seconds. A browser measurement taken while the server
 * still lints Stripe on the other core measures the two together.
 */
export async function settled(portal: { cpuSeconds(): number }, limitSeconds = 180): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  let last = portal.cpuSeconds();
  while (quiet < 2 && performance.now() - started < limitSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = portal.cpuSeconds();
    quiet = now - last < 0.05 ? quiet + 1 : 0;
    last = now;
  }
  return (performance.now() - started) / 1000;
}
