import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { metrics } from "@/lib/platform/metrics";

/** Wayfinder's own spans (jobs, database queries); no-ops until start-tracing.ts registers a provider. */
export const tracer = () => trace.getTracer("wayfinder");

/** The first keyword of a statement, for a label with few values: SELECT, INSERT, UPDATE, DELETE, … */
export function statementKind(sql: string): string {
  const keyword = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "";
  return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"].includes(keyword) ? keyword : "OTHER";
}

/**
 * One database query Prisma reports when it is done (its `query` event): timed in /metrics by statement
 * kind, and a span under whatever request or job ran it, from its start to now.
 */
export function observeQuery(sql: string, durationMs: number, system: "postgresql" | "pglite"): void {
  const kind = statementKind(sql);
  metrics().dbQueryDuration.observe({ statement: kind }, durationMs / 1000);
  const end = Date.now();
  tracer()
    .startSpan(`db ${kind}`, {
      kind: SpanKind.CLIENT,
      startTime: end - durationMs,
      attributes: { "db.system.name": "postgresql", "db.operation.name": kind, "db.query.text": sql.slice(0, 2_000), "wayfinder.db": system },
    })
    .end(end);
}

/** Runs `work` inside a span named `name`; a failure marks the span as an error and is rethrown. */
export async function inSpan<T>(name: string, attributes: Record<string, string>, work: () => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(error).slice(0, 200) });
      throw error;
    } finally {
      span.end();
    }
  });
}
