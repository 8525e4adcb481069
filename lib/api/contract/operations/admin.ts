import { z } from "zod";
import { auditFiltersSchema } from "@/lib/audit/list-audit";
import { backstageJsonBodySchema } from "../request-schemas";
import * as r from "../response-schemas";
import { json, changeErrors, authErrors, badQuery, type Operation } from "../operation-parts";

/** Administration: the audit log, the Backstage import. */
export const adminOperations = {
  listAuditEntries: {
    method: "get",
    path: "/audit",
    tags: ["Audit"],
    summary: "The portal-wide audit log (admins)",
    access: "change",
    query: auditFiltersSchema,
    responses: { 200: json("Entries, newest first.", r.itemsOf(r.auditEntrySchema)), ...badQuery, ...authErrors },
  },
  importBackstage: {
    method: "post",
    path: "/import/backstage",
    tags: ["Import"],
    summary: "Import Backstage catalog-info.yaml documents (admins)",
    description:
      'Groups become teams; Components and APIs services; an API\'s OpenAPI definition a version of the service that provides it: inline, or (for a catalog given by `url`) the file a `$text`, `$openapi`, `$yaml` or `$json` substitution names, fetched relative to the catalog file through the SSRF-safe fetcher. A pasted catalog\'s substituted definitions are reported as needing a URL; a non-OpenAPI definition (AsyncAPI) as not stored. Send `{ "yaml": "…" }`, `{ "url": "…" }`, or the YAML itself as `application/yaml`.',
    access: "session",
    body: backstageJsonBodySchema,
    otherBodies: { "application/yaml": z.string() },
    responses: { 200: json("What happened to each entity, and why.", r.importResultSchema), ...changeErrors },
  },
} as const satisfies Record<string, Operation>;
