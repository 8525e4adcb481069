import { serviceFiltersSchema } from "@/lib/services/service-filters";
import { serviceInputSchema, serviceTransferSchema, serviceUpdateSchema } from "@/lib/services/service-input";
import { historyQuerySchema, deprecationsQuerySchema } from "../request-schemas";
import * as r from "../response-schemas";
import { serviceParams, json, error, changeErrors, noService, badQuery, type Operation } from "../operation-parts";

/** The catalogue: services, their history, deprecations. */
export const serviceOperations = {
  listServices: {
    method: "get",
    path: "/services",
    tags: ["Services"],
    summary: "List services",
    description:
      "The catalogue, sorted by name, filtered and paginated. Never includes API documents. `lifecycle` repeats or takes commas. Retired services are left out unless `includeRetired=true`; `retired=true` asks for the retired ones only, like `lifecycle=retired`.",
    access: "read",
    query: serviceFiltersSchema,
    responses: {
      200: json("One page of services.", r.servicePageSchema),
      400: error("A filter is malformed; `details.issues` names it."),
      401: error("`mine=true` without a session or token."),
    },
  },
  createService: {
    method: "post",
    path: "/services",
    tags: ["Services"],
    summary: "Register a service",
    description:
      "People may name only teams they belong to as owners (admins any); a team-scoped token registers services owned by its team alone. The primary owner may not also be listed in `otherOwners`. With `documentUrl`, the URL is set as the service's source and fetched at once.",
    access: "change",
    body: serviceInputSchema.meta({ id: "ServiceInput" }),
    responses: { 201: json("The new service.", r.serviceDetailSchema), ...changeErrors, 409: error("The slug is taken.") },
  },
  getService: {
    method: "get",
    path: "/services/{slug}",
    tags: ["Services"],
    summary: "Get a service",
    access: "read",
    params: serviceParams,
    responses: { 200: json("The service with its owners, links and versions.", r.serviceDetailSchema), ...noService },
  },
  updateService: {
    method: "patch",
    path: "/services/{slug}",
    tags: ["Services"],
    summary: "Edit a service",
    description: "Maintainers of an owning team, tokens in scope and admins. Setting `lifecycle` to `retired` archives the service.",
    access: "change",
    params: serviceParams,
    body: serviceUpdateSchema.meta({ id: "ServiceUpdate" }),
    responses: { 200: json("The service as it is now.", r.serviceDetailSchema), ...changeErrors, ...noService },
  },
  transferService: {
    method: "post",
    path: "/services/{slug}/transfer",
    tags: ["Services"],
    summary: "Transfer primary ownership",
    access: "change",
    params: serviceParams,
    body: serviceTransferSchema.meta({ id: "ServiceTransfer" }),
    responses: { 200: json("The service as it is now.", r.serviceDetailSchema), ...changeErrors, ...noService },
  },
  archiveService: {
    method: "post",
    path: "/services/{slug}/archive",
    tags: ["Services"],
    summary: "Archive a service",
    description: "The service becomes retired: readable, with its history, but hidden from the default catalogue view.",
    access: "change",
    params: serviceParams,
    responses: { 200: json("The archived service.", r.serviceDetailSchema), ...changeErrors, ...noService },
  },
  getServiceHistory: {
    method: "get",
    path: "/services/{slug}/history",
    tags: ["Audit"],
    summary: "A service's change history",
    description: "Readers who are not signed in see people's names, not emails; token details are shown to the service's maintainers and admins.",
    access: "read",
    params: serviceParams,
    query: historyQuerySchema,
    responses: { 200: json("Entries, newest first.", r.itemsOf(r.auditEntrySchema)), ...badQuery, ...noService },
  },
  listDeprecations: {
    method: "get",
    path: "/deprecations",
    tags: ["Services"],
    summary: "What is going away, and when",
    description: "Deprecated services and the deprecated operations of the versions services serve, soonest sunset first; those without a date last.",
    access: "read",
    query: deprecationsQuerySchema,
    responses: { 200: json("Deprecations, soonest first.", r.itemsOf(r.deprecationSchema)), 400: error("`within` is not a number of days.") },
  },
} as const satisfies Record<string, Operation>;
