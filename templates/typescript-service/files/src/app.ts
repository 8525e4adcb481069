/** The application: problem handlers, request logs, deprecation headers, the OpenAPI document, health, and every module in src/routes. */
import { readdirSync } from "node:fs";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { bearerAuthentication } from "./auth.ts";
import { installDeprecationHeaders } from "./deprecation.ts";
import { healthRoutes, healthSchema, type Checks } from "./health.ts";
import { installProblemHandlers, problemSchema } from "./problems.ts";
import type { RouteModule } from "./routes/deps.ts";
import { readSettings, type Settings } from "./settings.ts";
import { Store } from "./store.ts";

export const VERSION = "0.1.0";

export async function buildApp(settings: Settings = readSettings(), store = new Store()): Promise<{ app: FastifyInstance; checks: Checks }> {
  const app = Fastify({
    // One JSON line per event on stdout (patterns/health-and-observability); never the token.
    logger: { level: settings.logLevel, redact: ["req.headers.authorization"] },
    ajv: {
      // Unknown fields are refused, not silently dropped, and every problem is reported at once.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: "array", useDefaults: true },
    },
  });
  installProblemHandlers(app);
  installDeprecationHeaders(app);
  app.addSchema(problemSchema);
  app.addSchema(healthSchema);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "{{title}}", version: VERSION, description: "{{description}}" },
      security: [{ bearerAuth: [] }],
      components: { securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    },
    // Shared schemas keep their `$id` as their name in the document (Item, not def-0).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  const checks: Checks = { store: () => store.ping() };
  await app.register(healthRoutes(checks));
  const deps = { store, authenticate: bearerAuthentication(settings) };
  const folder = new URL("./routes/", import.meta.url);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts") && name !== "deps.ts").sort()) {
    const module = (await import(new URL(file, folder).href)) as RouteModule;
    for (const schema of module.schemas ?? []) app.addSchema(schema);
    await app.register(module.routes(deps));
  }
  await app.ready();
  return { app, checks };
}
