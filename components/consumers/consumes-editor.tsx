"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, dangerButtonClass, FormError, inputClass } from "@/components/forms/field";
import { useManagedList } from "@/components/approvals/use-managed-list";
import type { NeighbourView } from "@/lib/consumers/list-consumers";

interface ProviderOperation {
  method: string;
  path: string;
  operationId: string | null;
  summary: string;
  deprecated: boolean;
}

const SOURCE_LABEL = { portal: "portal", file: "wayfinder.consumes.yaml", backstage: "Backstage import" } as const;

/** How a declared operation is named: its operationId when it has one (it survives a path's renaming), else METHOD /path. */
const refOf = (operation: ProviderOperation) => operation.operationId ?? `${operation.method} ${operation.path}`;

/**
 * What a service consumes, on its edit page: the declarations (each withdrawable), and a form that
 * declares one: the provider, a version range, and the operations it uses picked from the provider's
 * operation index (none: the whole API), optionally the fields it reads or sends.
 */
export function ConsumesEditor({ slug, dependencies, services }: { slug: string; dependencies: NeighbourView[]; services: { slug: string; name: string }[] }) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState("");
  const { form, error, add, end, field, set } = useManagedList(
    { provider: "", versions: "*", fields: "" },
    {
      create: (values) =>
        apiRequest("PUT", `/api/v1/services/${slug}/dependencies/${encodeURIComponent(values.provider)}`, {
          versions: values.versions.trim() || "*",
          operations: [...picked],
          fields: values.fields
            .split(",")
            .map((name) => name.trim())
            .filter(Boolean),
        }).then(() => setPicked(new Set())),
      remove: (provider) => apiRequest("DELETE", `/api/v1/services/${slug}/dependencies/${encodeURIComponent(provider)}`),
    },
  );
  const operations = useQuery({
    queryKey: ["service-operations", form.provider],
    queryFn: () => apiRequest<{ items: ProviderOperation[] }>("GET", `/api/v1/services/${encodeURIComponent(form.provider)}/operations`),
    enabled: form.provider !== "",
  });
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (operations.data?.items ?? []).filter((operation) =>
      words.every((word) => `${operation.method} ${operation.path} ${operation.operationId ?? ""} ${operation.summary}`.toLowerCase().includes(word)),
    );
  }, [operations.data, filter]);
  const declared = dependencies.filter((dependency) => dependency.declared);
  const toggle = (ref: string) => setPicked((current) => new Set(current.has(ref) ? [...current].filter((item) => item !== ref) : [...current, ref]));

  return (
    <div className="space-y-4">
      <FormError message={error} />
      {declared.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This service declares no API it consumes.</p>
      ) : (
        <ul
          aria-label="Declared dependencies"
          className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm dark:divide-slate-700 dark:border-slate-700"
        >
          {declared.map(({ service, declared: declaration }) => (
            <li key={service.slug} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                <strong>{service.name}</strong> <code className="text-xs">{declaration!.versions}</code> ·{" "}
                {declaration!.operations.length ? `${declaration!.operations.length} operation${declaration!.operations.length === 1 ? "" : "s"}` : "whole API"}
                {declaration!.fields.length ? ` · fields ${declaration!.fields.join(", ")}` : ""}
                <span className="text-slate-600 dark:text-slate-400"> · from {SOURCE_LABEL[declaration!.source]}</span>
              </span>
              <button
                type="button"
                className={dangerButtonClass}
                disabled={end.isPending}
                onClick={() => end.mutate(service.slug)}
                aria-label={`Withdraw ${service.name}`}
              >
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700"
        aria-label="Declare a dependency"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <h3 className="font-medium">Declare a dependency</h3>
        <label className="block space-y-1 text-sm">
          <span className="font-medium">API it consumes</span>
          <select
            className={inputClass}
            value={form.provider}
            required
            onChange={(event) => {
              setPicked(new Set());
              set("provider", event.target.value);
            }}
            name="provider"
          >
            <option value="">Choose a service…</option>
            {services
              .filter((service) => service.slug !== slug)
              .map((service) => (
                <option key={service.slug} value={service.slug}>
                  {service.name}
                </option>
              ))}
          </select>
        </label>
        {field("versions", "Versions it uses (a semver range: *, ^1, 1.x, >=2 <4)")}
        {form.provider && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Operations it calls (none ticked: the whole API)</legend>
            <input
              className={inputClass}
              placeholder="Filter operations"
              aria-label="Filter operations"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            {operations.isPending && <p className="text-sm">Loading operations…</p>}
            {operations.data && !operations.data.items.length && <p className="text-sm">This service has no published operations: declare the whole API.</p>}
            <ul className="max-h-64 space-y-1 overflow-y-auto text-sm">
              {shown.slice(0, 300).map((operation) => {
                const ref = refOf(operation);
                return (
                  <li key={`${operation.method} ${operation.path}`}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" checked={picked.has(ref)} onChange={() => toggle(ref)} />
                      <span>
                        <code>
                          {operation.method} {operation.path}
                        </code>
                        {operation.summary ? <span className="text-slate-600 dark:text-slate-400"> — {operation.summary}</span> : null}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {shown.length > 300 && <p className="text-xs">Showing 300 of {shown.length}: filter to find the rest.</p>}
            <p className="text-xs text-slate-600 dark:text-slate-400">{picked.size ? `${picked.size} ticked` : "None ticked: the whole API."}</p>
          </fieldset>
        )}
        {field("fields", "Fields it reads or sends (optional, comma-separated)")}
        <button type="submit" className={buttonClass} disabled={!form.provider || add.isPending}>
          Declare
        </button>
      </form>
    </div>
  );
}
