"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { TryConfig } from "./try-config";

const SwaggerView = dynamic(() => import("./swagger-view"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-500">Loading the API reference…</p>,
});

async function fetchDocument(url: string): Promise<Record<string, unknown>> {
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
  const query = useQuery({ queryKey: ["document", documentUrl], queryFn: () => fetchDocument(documentUrl), staleTime: Infinity });
  if (query.isPending) return <p className="p-4 text-sm text-slate-500">Loading the API document…</p>;
  if (query.isError)
    return (
      <p role="alert" className="p-4 text-sm text-red-700">
        {query.error.message}
      </p>
    );
  return (
    // Swagger UI has no dark theme of its own: it keeps a light panel inside either theme.
    <div data-testid="api-reference" className="swagger-panel rounded-lg bg-white text-slate-900">
      <SwaggerView spec={query.data} tryConfig={tryConfig} />
    </div>
  );
}
