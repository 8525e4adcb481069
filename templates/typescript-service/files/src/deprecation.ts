/**
 * Deprecation headers (patterns/versioning-and-deprecation): every answer of an operation whose schema
 * says `deprecated: true` says so, and, once a sunset is set for it, when it goes away and where to move.
 */
import type { FastifyInstance } from "fastify";

/** operationId → the day it is switched off and the migration guide, for deprecated operations. */
export const sunsets = new Map<string, { day: string; guide: string }>();

export function installDeprecationHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const schema = request.routeOptions.schema as { deprecated?: boolean; operationId?: string } | undefined;
    if (schema?.deprecated) {
      reply.header("Deprecation", "true");
      const sunset = schema.operationId ? sunsets.get(schema.operationId) : undefined;
      if (sunset) {
        reply.header("Sunset", new Date(`${sunset.day}T00:00:00Z`).toUTCString());
        reply.header("Link", `<${sunset.guide}>; rel="deprecation"`);
      }
    }
    return payload;
  });
}
