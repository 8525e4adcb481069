import type { ReactNode } from "react";

/** Colours of badges; each is a class in app/globals.css (`badge-<tone>`). */
export type BadgeTone = "green" | "blue" | "amber" | "slate" | "violet";

export function Badge({ tone = "slate", children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`badge badge-${tone}`}>
      {children}
    </span>
  );
}
