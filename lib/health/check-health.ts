import type { Database } from "@/lib/platform/db/open-database";
import { describeTarget } from "@/lib/platform/db/database-target";

export interface Health {
  status: "ok" | "unavailable";
  database: { reachable: boolean; kind: string; latencyMs?: number; error?: string };
}

/** Whether the database answers a trivial query, and how fast. */
export async function checkHealth(open: () => Promise<Database>): Promise<Health> {
  const started = performance.now();
  try {
    const db = await open();
    await db.prisma.$queryRaw`SELECT 1`;
    return { status: "ok", database: { reachable: true, kind: describeTarget(db.target), latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    return { status: "unavailable", database: { reachable: false, kind: "unknown", error: (error as Error).message.split("\n")[0] } };
  }
}
