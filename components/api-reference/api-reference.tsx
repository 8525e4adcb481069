"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";
import { holdPrefetches } from "@/components/prefetch-gate";

const loadSwaggerView = () => import("./swagger-view");

// Swagger UI's code (the largest chunk of the portal) starts downloading as soon as this module is
// evaluated, alongside the document, rather than once the document has arrived.
if (typeof window !== "undefined") void loadSwaggerView();

/**
 * The page's links wait to prefetch (each a server render) until the first Swagger UI has drawn:
 * held from here, the start, as a reference is about to boot; released by its onReady.
 */
export const releasePrefetches = typeof window !== "undefined" ? holdPrefetches() : () => {};

export const SwaggerView = dynamic(loadSwaggerView, {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading the API reference…</p>,
});

export async function fetchJson(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message ?? `The document could not be loaded (HTTP ${response.status}).`);
  }
  return body as Record<string, unknown>;
}

/** The interactive reference for one stored document, fetched once per version and cached. */
export function ApiReference({ documentUrl, tryConfig }: { documentUrl: string; tryConfig: TryConfig }) {
  // Not kept after the page is left (gcTime): Swagger UI holds its own copy while it shows it.
  const query = useQuery({ queryKey: ["document", documentUrl], queryFn: () => fetchJson(documentUrl), staleTime: Infinity, gcTime: 0 });
  if (query.isPending) return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading the API document…</p>;
  if (query.isError)
    return (
      <p role="alert" className="p-4 text-sm text-red-700">
        {query.error.message}
      </p>
    );
  return (
    // Swagger UI has no dark theme of its own: it keeps a light panel inside either theme.
    <div data-testid="api-reference" className="swagger-panel rounded-lg bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <SwaggerView spec={query.data} tryConfig={tryConfig} onReady={releasePrefetches} />
    </div>
  );
}
