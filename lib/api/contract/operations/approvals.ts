import { z } from "zod";
import { approvalInputSchema, waiverInputSchema } from "@/lib/approvals/approval-input";
import * as r from "../response-schemas";
import { serviceParams, json, error, changeErrors, authErrors, noService, type Operation } from "../operation-parts";

const idParams = z.object({ id: z.string() });

/** Governed change: approvals of single breaking changes, waivers of rules for paths until a date. */
export const approvalOperations = {
  listServiceApprovals: {
    method: "get",
    path: "/services/{slug}/approvals",
    tags: ["Versions"],
    summary: "List a service's approvals and the waivers that apply to it",
    description: "What `wayfinder check` reads to tell which breaking changes are approved; the changes page shows the same.",
    access: "read",
    params: serviceParams,
    responses: { 200: json("Approvals, newest first, and the active waivers that apply.", r.serviceApprovalsSchema), ...noService },
  },
  approveChange: {
    method: "post",
    path: "/services/{slug}/approvals",
    tags: ["Versions"],
    summary: "Approve a breaking change",
    description:
      "Approves one breaking change, named by its rule id, its operation (or shared component) and its pointer as the diff reports them, with a reason and an optional expiry. `wayfinder check --fail-on breaking` passes when every breaking change is approved, and publishing under `block` accepts approved changes. The service's maintainers, admins and tokens of a team that owns it; audited, and sent as `change.approved`.",
    access: "change",
    params: serviceParams,
    body: approvalInputSchema.meta({ id: "ApprovalInput" }),
    responses: { 201: json("The approval.", r.approvalSchema), ...changeErrors, ...noService },
  },
  revokeApproval: {
    method: "delete",
    path: "/approvals/{id}",
    tags: ["Versions"],
    summary: "Revoke an approval",
    access: "change",
    params: idParams,
    responses: { 200: json("Revoked (again is no error).", r.approvalSchema), ...authErrors, 404: error("No such approval.") },
  },
  listWaivers: {
    method: "get",
    path: "/waivers",
    tags: ["Versions"],
    summary: "List waivers",
    access: "read",
    responses: { 200: json("Active waivers first, then ended ones; newest first.", r.itemsOf(r.waiverSchema)) },
  },
  createWaiver: {
    method: "post",
    path: "/waivers",
    tags: ["Versions"],
    summary: "Waive a rule for paths until a date",
    description:
      "Silences a rule for the operations whose path matches `pathPattern` (`*` within a segment, `**` across) until `expiresAt`: for the services of `team` (its maintainers, admins) or, without `team`, for every service (admins). Audited.",
    access: "change",
    body: waiverInputSchema.meta({ id: "WaiverInput" }),
    responses: { 201: json("The waiver.", r.waiverSchema), ...changeErrors, 404: error("No team has this slug.") },
  },
  revokeWaiver: {
    method: "delete",
    path: "/waivers/{id}",
    tags: ["Versions"],
    summary: "End a waiver now",
    access: "change",
    params: idParams,
    responses: { 200: json("Ended (again is no error).", r.waiverSchema), ...authErrors, 404: error("No such waiver.") },
  },
} as const satisfies Record<string, Operation>;
