"use client";

import { useDeferredValue, useState } from "react";
import { MethodBadge } from "@/components/search/method-badge";
import type { OperationGroup } from "@/lib/versions/operation-index";

/**
 * Every operation of a large API, grouped, as plain links to their deep links: all of it is in the
 * page (the browser's find works), and a filter box narrows it by path, operationId or summary.
 */
export function OperationIndex({
  groups,
  selected,
  onPreview,
}: {
  groups: OperationGroup[];
  selected: string | null;
  onPreview?: (operation: { method: string; path: string }) => void;
}) {
  const [filter, setFilter] = useState("");
  const words = useDeferredValue(filter).toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((word) => text.includes(word));
  const shown = groups
    .map((group) => ({
      ...group,
      operations: group.operations.filter((op) => matches(`${group.name} ${op.method} ${op.path} ${op.operationId ?? ""} ${op.summary}`.toLowerCase())),
    }))
    .filter((group) => group.operations.length);
  const count = shown.reduce((sum, group) => sum + group.operations.length, 0);

  return (
    <nav aria-label="Operations" className="space-y-2">
      <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        Filter operations
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="path, operationId or summary"
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {count} operation{count === 1 ? "" : "s"}
      </p>
      <div className="max-h-[70vh] space-y-3 overflow-y-auto pr-1 lg:max-h-[calc(100vh-8rem)]">
        {shown.map((group) => (
          <section key={group.name} aria-label={group.name}>
            <h3 className="sticky top-0 bg-slate-50 py-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:bg-slate-950 dark:text-slate-400">
              {group.name}
            </h3>
            <ul>
              {group.operations.map((op) => (
                <li key={`${op.method} ${op.path}`}>
                  <a
                    href={op.link}
                    aria-current={op.link === selected ? "location" : undefined}
                    className={`flex items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${op.link === selected ? "bg-teal-50 dark:bg-teal-900/40" : ""}`}
                    title={op.summary || undefined}
                    onPointerEnter={() => onPreview?.(op)}
                    onFocus={() => onPreview?.(op)}
                  >
                    <MethodBadge method={op.method} />
                    <span className={`min-w-0 font-mono text-xs break-all ${op.deprecated ? "line-through" : ""}`}>{op.path}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}
