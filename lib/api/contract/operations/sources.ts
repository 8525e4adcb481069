import { sourceInputSchema } from "@/lib/sources/source-input";
import * as r from "../response-schemas";
import { serviceParams, json, error, changeErrors, noService, type Operation } from "../operation-parts";

/** URL sources: the document URL a service is polled from. */
export const sourceOperations = {
  getServiceSource: {
    method: "get",
    path: "/services/{slug}/source",
    tags: ["Versions"],
    summary: "The service's document URL and its status",
    access: "read",
    params: serviceParams,
    responses: { 200: json("The source, or null when the service has none.", r.sourceResponseSchema), ...noService },
  },
  setServiceSource: {
    method: "put",
    path: "/services/{slug}/source",
    tags: ["Versions"],
    summary: "Set the document URL, and fetch it now",
    description:
      "The portal then polls it (ETag / If-Modified-Since). Private, loopback, link-local and metadata addresses are refused unless WAYFINDER_FETCH_ALLOW lists them; a URL with a user name or password is refused.",
    access: "change",
    params: serviceParams,
    body: sourceInputSchema.meta({ id: "SourceInput" }),
    responses: { 200: json("The first fetch's outcome and the source's status.", r.refreshResultSchema), ...changeErrors, ...noService },
  },
  removeServiceSource: {
    method: "delete",
    path: "/services/{slug}/source",
    tags: ["Versions"],
    summary: "Stop polling (versions stay)",
    access: "change",
    params: serviceParams,
    responses: { 204: { description: "Removed." }, ...changeErrors, ...noService },
  },
  refreshServiceSource: {
    method: "post",
    path: "/services/{slug}/source/refresh",
    tags: ["Versions"],
    summary: "Refresh now",
    access: "change",
    params: serviceParams,
    responses: {
      200: json("The fetch's outcome and the source's status.", r.refreshResultSchema),
      ...changeErrors,
      404: error("No such service, or it has no document URL."),
    },
  },
} as const satisfies Record<string, Operation>;
