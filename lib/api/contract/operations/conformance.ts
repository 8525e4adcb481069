import { z } from "zod";
import { verifyRunSchema } from "@/lib/conformance/verify-run-schema";
import * as r from "../response-schemas";
import { serviceParams, json, error, changeErrors, badQuery, type Operation } from "../operation-parts";

const versionQuery = z.object({
  version: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "A version (`info.version`); its newest revision. The version the service serves by default." }),
});

/** Whether running services honour their contracts: Try it out's verdicts, verify runs from CI, imported traffic. */
export const conformanceOperations = {
  getConformance: {
    method: "get",
    path: "/services/{slug}/conformance",
    tags: ["Conformance"],
    summary: "How a version holds up against its contract",
    description:
      "Exchanges checked per source (Try it out's calls through the proxy, `wayfinder verify` runs, imported traffic) and the findings: undocumented operations, statuses and query parameters, media types, body and header mismatches, each with a JSON pointer and the rule, counted, with first and last seen. No body is ever stored.",
    access: "read",
    params: serviceParams,
    query: versionQuery,
    responses: { 200: json("The version's conformance.", r.conformanceSchema), ...badQuery, 404: error("No such service, or it has no such (or no) version.") },
  },
  recordVerifyRun: {
    method: "post",
    path: "/services/{slug}/conformance",
    tags: ["Conformance"],
    summary: "Record a verify run",
    description:
      "What `wayfinder verify` found calling a running service in CI: how many calls, how many departed from the contract, and each finding. The portal fetches nothing. Those who may edit the service (its tokens); audited.",
    access: "change",
    params: serviceParams,
    body: verifyRunSchema.meta({ id: "VerifyRun" }),
    responses: { 201: json("Recorded for the version's newest revision.", r.verifyRecordedSchema), ...changeErrors, 404: error("No such service or version.") },
  },
  importTraffic: {
    method: "post",
    path: "/services/{slug}/traffic",
    tags: ["Conformance"],
    summary: "Check recorded traffic against the contract",
    description:
      "A HAR file (`application/har+json`, or `application/json`) or an NDJSON log (`application/x-ndjson`: one `{ method, url, status, headers?, body?, time?, consumer? }` per line), streamed: read one exchange at a time, so a log of any size (up to WAYFINDER_MAX_TRAFFIC_BYTES) needs the memory of one exchange. Each is matched to an operation of the version by path under the contract's servers (the host is not compared) and checked. Findings are recorded, bodies never. An exchange that names its caller (NDJSON `consumer`, or a HAR request header `X-Wayfinder-Consumer`: a consuming service's slug) is evidence that it uses the operation, kept as observed use. Those who may edit the service; audited.",
    access: "change",
    params: serviceParams,
    query: versionQuery,
    otherBodies: {
      "application/har+json": z.object({ log: z.object({ entries: z.array(z.record(z.string(), z.unknown())) }) }).meta({ description: "A HAR 1.2 file." }),
      "application/x-ndjson": z.string().meta({ description: "One exchange per line." }),
    },
    responses: {
      200: json("The report; the run is recorded.", r.trafficReportSchema),
      ...changeErrors,
      400: error("Neither HAR nor NDJSON, or an exchange is malformed or over 16 MB; the message names which."),
      404: error("No such service or version."),
      413: error("The log exceeds WAYFINDER_MAX_TRAFFIC_BYTES."),
    },
  },
} as const satisfies Record<string, Operation>;
