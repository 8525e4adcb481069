"use client";

import { useState } from "react";
import { FormError, secondaryButtonClass } from "@/components/forms/field";
import { expiryLabel, lastUsedLabel, useRevokeToken } from "@/components/tokens/use-revoke-token";
import type { ServiceTokenSummary } from "@/lib/tokens/list-service-tokens";

/** Every live token that can act on a service, whichever owning team made it, with a way to revoke it. */
export function ServiceTokens({ tokens }: { tokens: ServiceTokenSummary[] }) {
  const [error, setError] = useState<string | null>(null);
  const revoke = useRevokeToken(setError);
  if (tokens.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No API token can act on this service.</p>;
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <table className="w-full text-sm" aria-label="Tokens that can act on this service">
        <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th className="font-medium">Name</th>
            <th className="font-medium">Token</th>
            <th className="font-medium">Team</th>
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
              <td>{token.team}</td>
              <td>{token.scope === "service" ? "this service" : "all the team's services"}</td>
              <td>{expiryLabel(token.expiresAt)}</td>
              <td>{lastUsedLabel(token.lastUsedAt)}</td>
              <td className="text-right">
                {token.scope === "service" && (
                  <button type="button" className={secondaryButtonClass} onClick={() => revoke.mutate(token.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-600 dark:text-slate-400">Team-wide tokens are revoked by their team&apos;s maintainers, on the team page.</p>
    </div>
  );
}
