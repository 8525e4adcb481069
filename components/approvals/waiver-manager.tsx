"use client";

import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, dangerButtonClass, FormError } from "@/components/forms/field";
import { useManagedList } from "./use-managed-list";
import type { WaiverView } from "@/lib/approvals/cover-changes";

/** A team's waivers: a rule silenced for the paths a pattern matches, until a date; its maintainers add and end them. */
export function WaiverManager({ teamSlug, waivers }: { teamSlug: string; waivers: WaiverView[] }) {
  const {
    error,
    add: create,
    end,
    field,
  } = useManagedList(
    { ruleId: "", pathPattern: "", reason: "", until: "" },
    {
      create: (form) =>
        apiRequest("POST", "/api/v1/waivers", {
          team: teamSlug,
          ruleId: form.ruleId.trim(),
          pathPattern: form.pathPattern.trim(),
          reason: form.reason,
          expiresAt: form.until ? new Date(`${form.until}T23:59:59Z`).toISOString() : "",
        }),
      remove: (id) => apiRequest("DELETE", `/api/v1/waivers/${id}`),
    },
  );
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {waivers.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No rule is waived for this team&apos;s services.</p>
      ) : (
        <ul aria-label="Waivers" className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm dark:divide-slate-700 dark:border-slate-700">
          {waivers.map((waiver) => (
            <li key={waiver.id} className="flex flex-wrap items-start justify-between gap-2 p-2">
              <div>
                <code>{waiver.ruleId}</code> for <code>{waiver.pathPattern}</code> until {waiver.expiresAt.slice(0, 10)} — “{waiver.reason}” ({waiver.createdBy}
                )
              </div>
              <button type="button" className={dangerButtonClass} disabled={end.isPending} onClick={() => end.mutate(waiver.id)}>
                End now
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Waive a rule"
        className="grid gap-2 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        {field("ruleId", "Rule", { required: true, placeholder: "request-parameter-removed" })}
        {field("pathPattern", "Paths", { required: true, placeholder: "/legacy/**" })}
        {field("until", "Until", { required: true, type: "date" })}
        {field("reason", "Reason", { required: true, placeholder: "The legacy API is being retired" })}
        <div className="sm:col-span-2">
          <button type="submit" className={buttonClass} disabled={create.isPending}>
            Waive
          </button>
        </div>
      </form>
    </div>
  );
}
