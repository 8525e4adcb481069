import { endpointSightingsSchema } from "@/lib/insights/record-endpoint-sightings";
import * as r from "../response-schemas";
import { serviceParams, json, error, changeErrors, type Operation } from "../operation-parts";

/** The developer-experience SLOs and what feeds the one no other route records: new endpoints seen in CI. */
export const insightsOperations = {
  getDxSlos: {
    method: "get",
    path: "/insights/slos",
    tags: ["Insights"],
    summary: "The DX-SLOs beside their targets",
    description:
      "Time to first successful call, docs freshness, time to a new endpoint and serialization defects per release over the last 90 days, for the company, each team and each service, with a weekly trend; targets from governance/slos.yaml. What /insights shows.",
    access: "read",
    responses: { 200: json("The four SLOs.", r.dxSlosSchema) },
  },
  recordEndpointSightings: {
    method: "post",
    path: "/services/{slug}/endpoint-sightings",
    tags: ["Insights"],
    summary: "Record operations seen before they are published",
    description:
      "`wayfinder check` sends the operations of a working copy that the service's current version lacks (and `wayfinder new endpoint` the one it adds): time to a new endpoint runs from each one's first sighting to its first published version that documents it with a passing `wayfinder verify`. Those who may edit the service (its tokens); audited.",
    access: "change",
    params: serviceParams,
    body: endpointSightingsSchema.meta({ id: "EndpointSightings" }),
    responses: {
      200: json("Recorded; operations seen before keep their first time.", r.endpointSightingsRecordedSchema),
      ...changeErrors,
      404: error("No service has this slug."),
    },
  },
} satisfies Record<string, Operation>;
