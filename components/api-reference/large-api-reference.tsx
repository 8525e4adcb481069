"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { OperationGroup } from "@/lib/versions/operation-index";
import { fetchJson } from "@/components/fetch-json";
import { SwaggerView } from "./api-reference";
import { restoreHashLostToHydration } from "./hash-lost-to-hydration";
import { OperationIndex } from "./operation-index";
import { holdPrefetchesUntilOperationDrawn, releasePrefetches } from "./reference-prefetch-hold";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";

/** The hash as Swagger UI writes it, decoded, so links compare equal however the browser encoded them. */
const normalise = (hash: string) => {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
};

const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
const useHash = () =>
  useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );

/**
 * The docs of a large API (see isLargeDocument): every operation listed from the server's index, and
 * Swagger UI given only the operation opened, as a document of its own with its references already
 * expanded (GET …/operation). A deep link (`#/{tag}/{operationId}`) opens that operation on load.
 */
export function LargeApiReference({ groups, sliceUrl, tryConfig }: { groups: OperationGroup[]; sliceUrl: string; tryConfig: TryConfig }) {
  const hash = useHash();
  useEffect(restoreHashLostToHydration, []);
  useEffect(holdPrefetchesUntilOperationDrawn, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const all = useMemo(() => groups.flatMap((group) => group.operations), [groups]);
  // Swagger UI rewrites the hash when an operation is collapsed (`#/tag`): what was open stays
  // (remembered from the previous render, as React's docs do it: https://react.dev/reference/react/useState#storing-information-from-previous-renders).
  const fromHash = all.find((op) => normalise(op.link) === normalise(hash)) ?? null;
  if (fromHash && fromHash.link !== chosen) setChosen(fromHash.link);
  const current = fromHash ?? all.find((op) => op.link === chosen) ?? null;
  const urlOf = useCallback((op: { method: string; path: string }) => `${sliceUrl}&${new URLSearchParams({ method: op.method, path: op.path })}`, [sliceUrl]);
  // Before an operation is chosen, Swagger UI shows the document's overview (info, servers,
  // Authorize): it starts up with the page, and the first operation opened is only an update.
  const url = current ? urlOf(current) : sliceUrl;
  const queryClient = useQueryClient();
  // Pointing at or focusing an operation starts loading it: most of the wait is gone by the click.
  // The same function on every render, so the index's links do not render again for it.
  const prefetch = useCallback(
    (op: { method: string; path: string }) =>
      void queryClient.prefetchQuery({ queryKey: ["slice", urlOf(op)], queryFn: () => fetchJson(urlOf(op)), staleTime: Infinity, gcTime: 60_000 }),
    [queryClient, urlOf],
  );
  // The previous operation stays on screen until the next has arrived, in the same Swagger UI
  // instance: creating one costs more than rendering an operation.
  const slice = useQuery({
    queryKey: ["slice", url],
    queryFn: () => fetchJson(url),
    staleTime: Infinity,
    gcTime: 60_000,
    placeholderData: keepPreviousData,
  });

  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]" data-testid="large-api-reference">
      <div className="lg:sticky lg:top-2 lg:self-start">
        <OperationIndex groups={groups} selected={current?.link ?? null} onPreview={prefetch} />
      </div>
      <div className="min-w-0">
        {!current && (
          <p className="mb-3 rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            This API has {all.length} operations: choose one from the list (or filter it) to read it and try it. Each opens on its own, so even the largest
            document stays quick.
          </p>
        )}
        {current && (slice.isPending || slice.isPlaceholderData) && (
          <p className="p-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            Loading {current.method.toUpperCase()} {current.path}…
          </p>
        )}
        {slice.isError && (
          <p role="alert" className="p-4 text-sm text-red-700">
            {slice.error.message}
          </p>
        )}
        {slice.data && (
          <div data-testid="api-reference" className="swagger-panel rounded-lg bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
            <SwaggerView spec={slice.data} tryConfig={tryConfig} expand="full" onReady={releasePrefetches} />
          </div>
        )}
      </div>
    </div>
  );
}
