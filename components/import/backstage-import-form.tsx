"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, FormError, inputClass } from "@/components/forms/field";
import type { ImportOutcome } from "@/lib/import/import-backstage";

/**
 * Paste catalog-info.yaml documents, or give the catalog file's URL (then definitions kept beside it,
 * `$text: ./openapi.yaml`, are read too); see per entity what was created, updated or skipped, and why.
 */
export function BackstageImportForm() {
  const [yaml, setYaml] = useState("");
  const [url, setUrl] = useState("");
  const run = useMutation({
    mutationFn: () => apiRequest<{ outcomes: ImportOutcome[] }>("POST", "/api/v1/import/backstage", url.trim() ? { url: url.trim() } : { yaml }),
  });
  return (
    <div className="space-y-4">
      <form
        aria-label="Import from Backstage"
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          run.mutate();
        }}
      >
        <label htmlFor="backstage-url" className="block text-sm font-medium">
          The catalog file&apos;s URL
        </label>
        <p id="backstage-url-hint" className="text-xs text-slate-600 dark:text-slate-400">
          Definitions kept beside it (<code>definition: {"{ $text: ./openapi.yaml }"}</code>) are read relative to it. Internal hosts need
          WAYFINDER_FETCH_ALLOW.
        </p>
        <input
          id="backstage-url"
          type="url"
          aria-describedby="backstage-url-hint"
          className={inputClass}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://git.example.com/raw/payments/catalog-info.yaml"
        />
        <label htmlFor="backstage-yaml" className="block text-sm font-medium">
          Or paste catalog-info.yaml (several documents separated by ---; <code>$text</code> definitions then need the URL)
        </label>
        <textarea
          id="backstage-yaml"
          rows={14}
          className={`${inputClass} font-mono`}
          value={yaml}
          disabled={Boolean(url.trim())}
          onChange={(event) => setYaml(event.target.value)}
        />
        <button type="submit" className={buttonClass} disabled={(!yaml.trim() && !url.trim()) || run.isPending}>
          Import
        </button>
      </form>
      <FormError message={run.error?.message ?? null} />
      {run.data && (
        <table className="w-full text-sm" aria-label="Import results">
          <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th>#</th>
              <th>Kind</th>
              <th>Name</th>
              <th>Result</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {run.data.outcomes.map((outcome) => (
              <tr key={`${outcome.document}-${outcome.name}`} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1">{outcome.document}</td>
                <td>{outcome.kind}</td>
                <td>
                  {outcome.target ? (
                    <a href={outcome.target} className="text-teal-700 hover:underline">
                      {outcome.name}
                    </a>
                  ) : (
                    outcome.name
                  )}
                </td>
                <td className={outcome.action === "failed" ? "text-red-700" : ""}>{outcome.action}</td>
                <td className="text-slate-600 dark:text-slate-400">{outcome.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
