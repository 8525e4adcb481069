"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";

// The AsyncAPI Initiative's component, loaded only when an event API is opened this way.
const AsyncApiComponent = dynamic(() => import("./asyncapi-component"), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Loading the AsyncAPI view…</p>,
});

/**
 * An event version in the AsyncAPI Initiative's React component, from the document as the portal's
 * parser read it (`…/document?form=parsed`): the browser renders, never parses.
 */
function ParsedView({ documentUrl }: { documentUrl: string }) {
  const parsed = useQuery({
    queryKey: ["asyncapi-parsed", documentUrl],
    queryFn: async () => {
      const response = await fetch(documentUrl, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`The document could not be read (HTTP ${response.status}).`);
      return response.text();
    },
    staleTime: Infinity,
  });
  if (parsed.error) return <p role="alert">{parsed.error.message}</p>;
  if (!parsed.data) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the AsyncAPI view…</p>;
  return (
    <div className="asyncapi-view" data-testid="asyncapi-view">
      <AsyncApiComponent schema={parsed.data} config={{ show: { sidebar: false, errors: true } }} />
    </div>
  );
}

/** Folded until opened: the component's code and the parsed document are fetched only then. */
export function AsyncApiView({ documentUrl }: { documentUrl: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="asyncapi-view-toggle">
      <summary className="cursor-pointer text-sm font-medium text-teal-700 dark:text-teal-400">
        The AsyncAPI view (the Initiative&apos;s React component)
      </summary>
      {open && <ParsedView documentUrl={documentUrl} />}
    </details>
  );
}
