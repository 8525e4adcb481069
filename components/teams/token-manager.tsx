"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { expiryLabel, lastUsedLabel, useRevokeToken } from "@/components/tokens/use-revoke-token";
import type { TokenSummary } from "@/lib/tokens/list-tokens";

/** A team's API tokens: create one (shown once), see when each was last used, revoke. */
export function TokenManager({ teamSlug, tokens, services }: { teamSlug: string; tokens: TokenSummary[]; services: string[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [service, setService] = useState("");
  const [expiresInDays, setExpiresInDays] = useState("90");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiRequest<{ token: string }>("POST", `/api/v1/teams/${teamSlug}/tokens`, {
        name,
        service: service || null,
        expiresInDays: expiresInDays ? Number(expiresInDays) : null,
      }),
    onSuccess: (result) => {
      setCreated(result.token);
      setName("");
      setError(null);
      router.refresh();
    },
    onError: (failure) => setError(failure.message),
  });
  const revoke = useRevokeToken(setError);

  return (
    <div className="space-y-3">
      {created && (
        <div role="status" className="space-y-1 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p className="font-medium">Copy this token now: it is not shown again.</p>
          <code data-testid="new-token" className="block font-mono break-all">
            {created}
          </code>
          <button type="button" className={secondaryButtonClass} onClick={() => void navigator.clipboard.writeText(created)}>
            Copy
          </button>
        </div>
      )}
      <form
        aria-label="Create an API token"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <label className="text-sm">
          Name
          <input required className={`${inputClass} w-48`} value={name} onChange={(event) => setName(event.target.value)} placeholder="CI publish" />
        </label>
        <label className="text-sm">
          Scope
          <select className={`${inputClass} w-56`} value={service} onChange={(event) => setService(event.target.value)}>
            <option value="">All of the team&apos;s services</option>
            {services.map((slug) => (
              <option key={slug} value={slug}>
                {slug} only
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Expires after (days)
          <input
            type="number"
            min={1}
            max={365}
            className={`${inputClass} w-28`}
            value={expiresInDays}
            onChange={(event) => setExpiresInDays(event.target.value)}
            placeholder="never"
          />
        </label>
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Create token
        </button>
      </form>
      <FormError message={error} />
      {tokens.length > 0 && (
        <table className="w-full text-sm" aria-label="API tokens">
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th className="font-medium">Name</th>
              <th className="font-medium">Token</th>
              <th className="font-medium">Scope</th>
              <th className="font-medium">Expires</th>
              <th className="font-medium">Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5">{token.name}</td>
                <td className="font-mono">{token.prefix}…</td>
                <td>{token.service ?? "team"}</td>
                <td>{expiryLabel(token.expiresAt)}</td>
                <td>{lastUsedLabel(token.lastUsedAt)}</td>
                <td className="text-right">
                  {token.revokedAt ? (
                    <span className="text-slate-600 dark:text-slate-400">revoked</span>
                  ) : (
                    <button type="button" className={secondaryButtonClass} onClick={() => revoke.mutate(token.id)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
