"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, dangerButtonClass, FormError, inputClass } from "@/components/forms/field";

/** Transfer primary ownership to another team, and archive the service. */
export function OwnershipActions({
  slug,
  primaryOwner,
  teams,
  isRetired,
}: {
  slug: string;
  primaryOwner: string | null;
  teams: { slug: string; name: string }[];
  isRetired: boolean;
}) {
  const router = useRouter();
  const [target, setTarget] = useState(teams.find((team) => team.slug !== primaryOwner)?.slug ?? "");
  const [keepPrevious, setKeepPrevious] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    router.push(`/services/${slug}`);
    router.refresh();
  };
  const transfer = useMutation({
    mutationFn: () => apiRequest("POST", `/api/v1/services/${slug}/transfer`, { primaryOwner: target, keepPreviousOwner: keepPrevious }),
    onSuccess: done,
    onError: (failure) => setError(failure.message),
  });
  const archive = useMutation({
    mutationFn: () => apiRequest("POST", `/api/v1/services/${slug}/archive`),
    onSuccess: done,
    onError: (failure) => setError(failure.message),
  });

  return (
    <div className="max-w-2xl space-y-6">
      <section aria-labelledby="transfer" className="space-y-2">
        <h2 id="transfer" className="text-lg font-semibold">
          Transfer primary ownership
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            New primary owner
            <select className={`${inputClass} w-56`} value={target} onChange={(event) => setTarget(event.target.value)}>
              {teams
                .filter((team) => team.slug !== primaryOwner)
                .map((team) => (
                  <option key={team.slug} value={team.slug}>
                    {team.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={keepPrevious} onChange={(event) => setKeepPrevious(event.target.checked)} />
            Keep the current primary as an owner
          </label>
          <button
            type="button"
            className={buttonClass}
            disabled={!target || transfer.isPending}
            // It changes who is paged and who may publish at once: said, and confirmed, first.
            onClick={() =>
              window.confirm(
                `Make ${teams.find((team) => team.slug === target)?.name ?? target} the primary owner of ${slug}? ${
                  keepPrevious
                    ? "The current primary owner stays an owner."
                    : "The current primary owner loses the service (and its service-scoped tokens and webhooks)."
                }`,
              ) && transfer.mutate()
            }
          >
            Transfer
          </button>
        </div>
      </section>
      {!isRetired && (
        <section aria-labelledby="archive" className="space-y-2">
          <h2 id="archive" className="text-lg font-semibold">
            Archive
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The service becomes retired: it stays readable, with its history, but leaves the default catalogue view.
          </p>
          <button
            type="button"
            className={dangerButtonClass}
            disabled={archive.isPending}
            onClick={() => window.confirm(`Archive ${slug}?`) && archive.mutate()}
          >
            Archive this service
          </button>
        </section>
      )}
      <FormError message={error} />
    </div>
  );
}
