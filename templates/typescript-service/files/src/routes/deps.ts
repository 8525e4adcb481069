/** What every module in src/routes gets: it exports `schemas` (registered by `$id`) and `routes(deps)` (a plugin). */
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { Store } from "../store.ts";

export interface RouteDeps {
  store: Store;
  authenticate: (request: FastifyRequest) => Promise<void>;
}

export interface RouteModule {
  schemas?: object[];
  routes: (deps: RouteDeps) => FastifyPluginAsync;
}
