import type { ReactNode } from "react";

const styles = {
  note: "border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40",
  tip: "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40",
  warning: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40",
  danger: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40",
} as const;

/** `<Callout type="warning" title="…">` in MDX. */
export function Callout({ type = "note", title, children }: { type?: keyof typeof styles; title?: string; children: ReactNode }) {
  return (
    <aside role="note" className={`my-4 rounded-md border-l-4 px-4 py-2 ${styles[type] ?? styles.note}`}>
      {title && <p className="font-semibold">{title}</p>}
      <div className="[&>p]:my-1">{children}</div>
    </aside>
  );
}
