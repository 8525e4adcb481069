const colours: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  patch: "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200",
  delete: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
};

/** An HTTP method, coloured as Swagger UI colours it, in text so that colour is never the only cue. */
export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-16 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase ${colours[method] ?? "bg-slate-100 dark:bg-slate-800"}`}
    >
      {method}
    </span>
  );
}
