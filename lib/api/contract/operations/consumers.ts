import { z } from "zod";
import { consumesFileSchema, consumptionInputSchema } from "@/lib/consumers/consumption-input";
import { DEFAULT_NEIGHBOURS_PAGE, MAX_NEIGHBOURS_PAGE } from "@/lib/consumers/neighbour-page-size";
import * as r from "../response-schemas";
import { serviceParams, teamParams, json, error, changeErrors, authErrors, noService, noTeam, badQuery, slug, type Operation } from "../operation-parts";

const dependencyParams = z.object({ slug: slug("consuming service"), provider: slug("consumed service") });
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_NEIGHBOURS_PAGE).default(DEFAULT_NEIGHBOURS_PAGE),
});
const graphQuery = z.object({
  depth: z.coerce.number().int().min(1).max(2).optional().meta({ description: "Steps from the service (1, the default, or 2)." }),
});

/** Who consumes what: declarations, observed use, the dependency graph, and people watching services. */
export const consumerOperations = {
  listServiceConsumers: {
    method: "get",
    path: "/services/{slug}/consumers",
    tags: ["Consumers"],
    summary: "The services that consume this one",
    description:
      "Each consuming service with its declaration (versions, operations, fields) and the operations it was seen calling in the last 90 days (through Try it out with its service token), by name, 100 a page (`pageSize` up to 500), with how many there are in all. What no consumer uses is at `/services/{slug}/unused-operations`.",
    access: "read",
    params: serviceParams,
    query: pageQuery,
    responses: { 200: json("A page of consumers by name, and how many there are.", r.serviceConsumersSchema), ...badQuery, ...noService },
  },
  listUnusedOperations: {
    method: "get",
    path: "/services/{slug}/unused-operations",
    tags: ["Consumers"],
    summary: "Operations nobody uses: candidates for deprecation",
    description:
      "The operations of the version the service serves that no declaration in range names and no consumer was seen calling in the last 90 days, with how many consumers declared the whole API (and so may use them).",
    access: "read",
    params: serviceParams,
    responses: { 200: json("Unused operations in path order.", r.unusedOperationsSchema), ...noService },
  },
  listServiceOperations: {
    method: "get",
    path: "/services/{slug}/operations",
    tags: ["Consumers"],
    summary: "The operations of the version a service serves",
    description: "What a consumer picks from when it declares the operations it uses.",
    access: "read",
    params: serviceParams,
    responses: { 200: json("Operations in path order; none when nothing is published.", r.serviceOperationsSchema), ...noService },
  },
  listServiceDependencies: {
    method: "get",
    path: "/services/{slug}/dependencies",
    tags: ["Consumers"],
    summary: "The services this one consumes",
    access: "read",
    params: serviceParams,
    query: pageQuery,
    responses: {
      200: json("A page of dependencies by name, declared or seen called, and how many there are.", r.serviceDependenciesSchema),
      ...badQuery,
      ...noService,
    },
  },
  declareConsumption: {
    method: "put",
    path: "/services/{slug}/dependencies/{provider}",
    tags: ["Consumers"],
    summary: "Declare that a service consumes another",
    description:
      "The whole API (no `operations`) or some operations (operationIds or `METHOD /path` of any of the provider's versions), in a range of its versions, optionally the fields it reads or sends. Replaces an earlier declaration of the same provider. Those who may edit the consuming service; audited.",
    access: "change",
    params: dependencyParams,
    body: consumptionInputSchema.meta({ id: "ConsumptionInput" }),
    responses: { 200: json("The declaration.", r.consumptionSchema), ...changeErrors, 404: error("No service has one of these slugs.") },
  },
  removeConsumption: {
    method: "delete",
    path: "/services/{slug}/dependencies/{provider}",
    tags: ["Consumers"],
    summary: "Withdraw a declaration",
    access: "change",
    params: dependencyParams,
    responses: {
      200: json("Whether there was one (none is no error).", z.object({ removed: z.boolean() })),
      ...authErrors,
      404: error("No service has one of these slugs."),
    },
  },
  replaceConsumptions: {
    method: "put",
    path: "/services/{slug}/dependencies",
    tags: ["Consumers"],
    summary: "Publish a wayfinder.consumes.yaml",
    description:
      "Everything a service consumes, as its repository's `wayfinder.consumes.yaml` says (`wayfinder consumes --file` sends it as JSON): each entry is declared, and the file's earlier declarations it no longer names are withdrawn; declarations made in the portal for other APIs stay. Checked whole before anything is written. Those who may edit the service; audited.",
    access: "change",
    params: serviceParams,
    body: consumesFileSchema.meta({ id: "ConsumesFile" }),
    responses: { 200: json("What is declared, and what was withdrawn.", r.replacedConsumptionsSchema), ...changeErrors, ...noService },
  },
  getServiceGraph: {
    method: "get",
    path: "/services/{slug}/graph",
    tags: ["Consumers"],
    summary: "A service's dependency neighbourhood",
    access: "read",
    params: serviceParams,
    query: graphQuery,
    responses: {
      200: json("Services one (or two) steps away and the consumer → provider edges between them.", r.serviceGraphSchema),
      ...badQuery,
      ...noService,
    },
  },
  getTeamGraph: {
    method: "get",
    path: "/teams/{slug}/graph",
    tags: ["Consumers"],
    summary: "A team's services and their dependencies",
    access: "read",
    params: teamParams,
    query: graphQuery,
    responses: { 200: json("The team's services, their neighbours, and the edges between them.", r.serviceGraphSchema), ...badQuery, ...noTeam },
  },
  listWatches: {
    method: "get",
    path: "/me/watches",
    tags: ["People"],
    summary: "The services the signed-in person watches",
    access: "session",
    responses: { 200: json("Watched services, and the private Atom feed of their changes.", r.watchesSchema), ...authErrors },
  },
  watchService: {
    method: "put",
    path: "/me/watches/{slug}",
    tags: ["People"],
    summary: "Watch a service's changes",
    access: "session",
    params: serviceParams,
    responses: { 204: { description: "Watched (again is no error)." }, ...authErrors, ...noService },
  },
  unwatchService: {
    method: "delete",
    path: "/me/watches/{slug}",
    tags: ["People"],
    summary: "Stop watching a service",
    access: "session",
    params: serviceParams,
    responses: { 204: { description: "Not watched (again is no error)." }, ...authErrors, ...noService },
  },
} as const satisfies Record<string, Operation>;
