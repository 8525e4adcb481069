/** Liveness and readiness (patterns/health-and-observability): live says the process runs, ready that it can serve. */
import type { FastifyInstance } from "fastify";
import { ERRORS, Problem, problemResponse } from "./problems.ts";

export type Checks = Record<string, () => Promise<boolean>>;

const health = {
  description: "OK",
  content: { "application/json": { schema: { $ref: "Health#" } } },
};

export const healthSchema = { $id: "Health", type: "object", required: ["status"], properties: { status: { type: "string" } } };

export function healthRoutes(checks: Checks) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get(
      "/health/live",
      { schema: { operationId: "getLiveness", summary: "Whether the process is up", tags: ["health"], security: [], response: { 200: health } } },
      async () => ({ status: "ok" }),
    );
    app.get(
      "/health/ready",
      {
        schema: {
          operationId: "getReadiness",
          summary: "Whether it can serve",
          tags: ["health"],
          security: [],
          response: { 200: health, 503: problemResponse("Not ready, a dependency is unavailable.") },
        },
      },
      async () => {
        const failed: string[] = [];
        for (const [name, check] of Object.entries(checks)) {
          // A check that throws is a failed check, reported by name.
          if (!(await check().catch(() => false))) failed.push(name);
        }
        if (failed.length) throw new Problem(503, `${ERRORS}/unavailable`, "Not ready", `Failing checks: ${failed.join(", ")}`);
        return { status: "ok" };
      },
    );
  };
}
