import { metrics } from "@/lib/platform/metrics";
import { inSpan } from "./tracer";

/** Runs a background job in a span of its own (`job <queue>`), timing it in /metrics by queue and outcome. */
export async function timeJob<T>(queue: string, work: () => Promise<T>): Promise<T> {
  const end = metrics().jobDuration.startTimer({ queue });
  try {
    const result = await inSpan(`job ${queue}`, { "wayfinder.queue": queue }, work);
    end({ outcome: "completed" });
    return result;
  } catch (error) {
    end({ outcome: "failed" });
    throw error;
  }
}
