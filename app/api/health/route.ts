import { database } from "@/lib/platform/db/database";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const health = await checkHealth(database);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
