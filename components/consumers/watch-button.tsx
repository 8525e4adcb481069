"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";

/** Watch (or stop watching) a service's changes: they then come in the person's Atom feed (/me/watches). */
export function WatchButton({ slug, watching: initial }: { slug: string; watching: boolean }) {
  const [watching, setWatching] = useState(initial);
  const toggle = useMutation({
    mutationFn: () => apiRequest(watching ? "DELETE" : "PUT", `/api/v1/me/watches/${encodeURIComponent(slug)}`),
    onSuccess: () => setWatching(!watching),
  });
  return (
    <button
      type="button"
      aria-pressed={watching}
      disabled={toggle.isPending}
      onClick={() => toggle.mutate()}
      title={toggle.error ? toggle.error.message : "Its changes come in your Atom feed (Watched APIs)."}
      className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      {watching ? "Watching" : "Watch"}
    </button>
  );
}
