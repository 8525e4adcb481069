"use client";

import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, dangerButtonClass, FormError } from "@/components/forms/field";
import { useManagedList } from "./use-managed-list";
import type { ApprovalView, WaiverView } from "@/lib/approvals/cover-changes";

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") + " UTC" : "never");

/**
 * A service's approvals of breaking changes (revocable by those who may approve) and the waivers that
 * apply to it; maintainers approve a change by its rule, operation and pointer, as `wayfinder check`
 * and the diff print them.
 */
export function ApprovalManager({
  slug,
  approvals,
  waivers,
  mayApprove,
  asOf,
  prefill = {},
}: {
  slug: string;
  approvals: ApprovalView[];
  waivers: WaiverView[];
  mayApprove: boolean;
  /** When the page was rendered (ISO): what counts as expired. */
  asOf: string;
  /** The change to approve, from a link `wayfinder check` prints (`?approveRule=…&approveTarget=…&approvePointer=…`). */
  prefill?: { ruleId?: string; target?: string; pointer?: string };
}) {
  const {
    error,
    add: approve,
    end: revoke,
    field,
  } = useManagedList(
    { ruleId: prefill.ruleId ?? "", target: prefill.target ?? "", pointer: prefill.pointer ?? "", reason: "", expires: "" },
    {
      create: (form) =>
        apiRequest("POST", `/api/v1/services/${slug}/approvals`, {
          ruleId: form.ruleId.trim(),
          target: form.target,
          pointer: form.pointer.trim(),
          reason: form.reason,
          ...(form.expires ? { expiresAt: new Date(`${form.expires}T23:59:59Z`).toISOString() } : {}),
        }),
      remove: (id) => apiRequest("DELETE", `/api/v1/approvals/${id}`),
    },
  );
  const now = Date.parse(asOf);
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {approvals.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No breaking change of this service has been approved.</p>
      ) : (
        <ul aria-label="Approvals" className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm dark:divide-slate-700 dark:border-slate-700">
          {approvals.map((approval) => {
            const ended = approval.revokedAt ? "revoked" : approval.expiresAt && Date.parse(approval.expiresAt) <= now ? "expired" : null;
            return (
              <li key={approval.id} className="flex flex-wrap items-start justify-between gap-2 p-2">
                <div className={ended ? "text-slate-500 line-through dark:text-slate-400" : undefined}>
                  <code>{approval.ruleId}</code> at <strong>{approval.target}</strong> <code className="text-xs">{approval.pointer}</code>
                  <div>
                    “{approval.reason}” — {approval.createdBy}, {when(approval.createdAt)}; until {when(approval.expiresAt)}
                    {ended ? ` (${ended})` : ""}
                  </div>
                </div>
                {mayApprove && !ended && (
                  <button type="button" className={dangerButtonClass} disabled={revoke.isPending} onClick={() => revoke.mutate(approval.id)}>
                    Revoke
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {waivers.length > 0 && (
        <div className="text-sm">
          <p className="font-medium">Waivers that apply</p>
          <ul aria-label="Waivers" className="list-disc pl-5">
            {waivers.map((waiver) => (
              <li key={waiver.id}>
                <code>{waiver.ruleId}</code> for <code>{waiver.pathPattern}</code> until {when(waiver.expiresAt)} ({waiver.team ?? "every service"}): “
                {waiver.reason}”
              </li>
            ))}
          </ul>
        </div>
      )}
      {mayApprove && (
        <form
          aria-label="Approve a breaking change"
          className="grid gap-2 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            approve.mutate();
          }}
        >
          {field("ruleId", "Rule", { required: true, placeholder: "endpoint-removed" })}
          {field("target", "Operation or component", { required: true, placeholder: "GET /pets" })}
          {field("pointer", "Pointer", { placeholder: "/paths/~1pets/get" })}
          {field("expires", "Until (optional)", { type: "date" })}
          <div className="sm:col-span-2">{field("reason", "Reason", { required: true, placeholder: "Clients were told on 1 December" })}</div>
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass} disabled={approve.isPending}>
              Approve
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
