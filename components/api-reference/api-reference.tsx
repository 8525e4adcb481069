"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { fetchJson } from "@/components/fetch-json";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";
import type { BodyExamples } from "@/lib/try-it/samples/with-body-examples";
import type { OperationGroup } from "@/lib/versions/operation-index";
import { OperationPreview } from "./operation-preview";
import { releasePrefetches } from "./reference-prefetch-hold";

const loadSwaggerView = () => import("./swagger-view");

type SwaggerViewComponent = Awaited<ReturnType<typeof loadSwaggerView>>["default"];

// Swagger UI's code (the largest chunk of the portal) starts downloading as soon as this module is
// evaluated, alongside the document, rather than once the document has arrived; kept here once it has.
let loadedView: SwaggerViewComponent | null = null;
const viewLoaded = typeof window === "undefined" ? null : loadSwaggerView().then((module) => void (loadedView = module.default));

const subscribeToView = (notify: () => void) => {
  let current = true;
  void viewLoaded?.then(() => current && notify());
  return () => {
    current = false;
  };
};

/** Whether Swagger UI's code has arrived: false on the server and while hydrating, so both render alike. */
const useSwaggerViewLoaded = () =>
  useSyncExternalStore(
    subscribeToView,
    () => loadedView !== null,
    () => false,
  );

/** Swagger UI, once its code has arrived; a line saying it is loading before. */
export function SwaggerView(props: Parameters<SwaggerViewComponent>[0]) {
  const loaded = useSwaggerViewLoaded();
  if (!loaded) return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading the API reference…</p>;
  const View = loadedView!;
  return <View {...props} />;
}

/**
 * The interactive reference for one stored document, fetched once per version and cached. Until it and
 * Swagger UI's code have arrived, the document's operations from the server's index (`preview`) stand
 * in for it, so a reader sees what the API offers with the page's HTML.
 */
export function ApiReference({
  documentUrl,
  examples,
  tryConfig,
  preview,
}: {
  documentUrl: string;
  examples: BodyExamples;
  tryConfig: TryConfig;
  preview: OperationGroup[];
}) {
  // Not kept after the page is left (gcTime): Swagger UI holds its own copy while it shows it.
  const query = useQuery({ queryKey: ["document", documentUrl], queryFn: () => fetchJson(documentUrl), staleTime: Infinity, gcTime: 0 });
  const loaded = useSwaggerViewLoaded();
  if (query.isError)
    return (
      <p role="alert" className="p-4 text-sm text-red-700">
        {query.error.message}
      </p>
    );
  return (
    // Swagger UI has no dark theme of its own: it keeps a light panel inside either theme.
    <div data-testid="api-reference" className="swagger-panel rounded-lg bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      {query.isPending || !loaded ? (
        <OperationPreview groups={preview} status={query.isPending ? "Loading the API document…" : "Loading the interactive reference…"} />
      ) : (
        <SwaggerView spec={query.data} examples={examples} tryConfig={tryConfig} onReady={releasePrefetches} />
      )}
    </div>
  );
}
