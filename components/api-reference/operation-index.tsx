"use client";

import { memo, useDeferredValue, useMemo, useState } from "react";
import { MethodBadge } from "@/components/search/method-badge";
import type { IndexedOperation, OperationGroup } from "@/lib/versions/operation-index";

type Preview = (operation: { method: string; path: string }) => void;

/**
 * Every operation of a large API, grouped, as plain links to their deep links: all of it is in the
 * page (the browser's find works), and a filter box narrows it by path, operationId or summary.
 * Opening an operation re-renders the index several times (the hash, then the operation's loading and
 * arrival): only the links whose selection changed render again, so Stripe's 400-odd cost nothing then.
 */
export function OperationIndex({ groups, selected, onPreview }: { groups: OperationGroup[]; selected: string | null; onPreview?: Preview }) {
  const [filter, setFilter] = useState("");
  const query = useDeferredValue(filter).toLowerCase();
  // What the filter searches, lower-cased once per document, not on every render.
  const searchable = useMemo(
    () =>
      groups.map((group) => ({
        group,
        texts: group.operations.map((op) => `${group.name} ${op.method} ${op.path} ${op.operationId ?? ""} ${op.summary}`.toLowerCase()),
      })),
    [groups],
  );
  const shown = useMemo(() => {
    const words = query.split(/\s+/).filter(Boolean);
    if (!words.length) return groups;
    return searchable
      .map(({ group, texts }) => ({ ...group, operations: group.operations.filter((_, index) => words.every((word) => texts[index]!.includes(word))) }))
      .filter((group) => group.operations.length);
  }, [groups, searchable, query]);
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
                <OperationLink key={`${op.method} ${op.path}`} op={op} current={op.link === selected} onPreview={onPreview} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
}

/** One operation's link; memoised, so it renders again only when it becomes or stops being the one open. */
const OperationLink = memo(function OperationLink({ op, current, onPreview }: { op: IndexedOperation; current: boolean; onPreview?: Preview }) {
  return (
    <li>
      <a
        href={op.link}
        aria-current={current ? "location" : undefined}
        className={`flex items-start gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${current ? "bg-teal-50 dark:bg-teal-900/40" : ""}`}
        title={op.summary || undefined}
        onPointerEnter={() => onPreview?.(op)}
        onFocus={() => onPreview?.(op)}
      >
        <MethodBadge method={op.method} />
        <span className={`min-w-0 font-mono text-xs break-all ${op.deprecated ? "line-through" : ""}`}>{op.path}</span>
      </a>
    </li>
  );
});
