const colours: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  patch: "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200",
  delete: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
  // Event operations, by direction (event-badge.tsx).
  sends: "bg-teal-100 text-teal-900 dark:bg-teal-900/50 dark:text-teal-100",
  receives: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/50 dark:text-indigo-100",
};

/**
 * What a search hit is, as a fixed-width label in text (so colour is never the only cue): an HTTP
 * method coloured as Swagger UI colours it, or an event's kind, which needs the wider badge.
 */
export function MethodBadge({ method, wide = false }: { method: string; wide?: boolean }) {
  return (
    <span
      className={`inline-block ${wide ? "w-20" : "w-16"} shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase ${colours[method] ?? "bg-slate-100 dark:bg-slate-800"}`}
    >
      {method}
    </span>
  );
}
