"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { SearchResults } from "@/lib/search/search-everything";
import { EventBadge } from "./event-badge";
import { MethodBadge } from "./method-badge";
import { paletteItems } from "./search-results-types";

async function fetchResults(q: string, signal: AbortSignal): Promise<SearchResults> {
  const response = await fetch(`/api/v1/search?${new URLSearchParams({ q, limit: "6" })}`, { signal, headers: { Accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error((body as { error?: { message?: string } } | null)?.error?.message ?? `Search failed (HTTP ${response.status}).`);
  return body as SearchResults;
}

/** The text typed, settled: a request per pause in typing rather than per key. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Search from anywhere: Ctrl+K (⌘K on a Mac) or `/` opens it, or the header's search button. A combobox
 * over grouped results (operations, events, services, teams, docs): arrows move, Enter opens, Escape closes;
 * "All results" opens /search with the filters. A native modal <dialog>, so the page behind is inert.
 */
export function CommandPalette() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const q = useSettled(text.trim(), 120);
  // The last results stay on screen while the next ones load, so Enter opens the option that is
  // highlighted rather than falling through to "All results" in the gap between two answers.
  const query = useQuery({
    queryKey: ["search", q],
    queryFn: ({ signal }) => fetchResults(q, signal),
    enabled: q.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const items = q && query.data ? paletteItems(query.data) : [];
  const allUrl = `/search?${new URLSearchParams({ q: text.trim() })}`;

  // The dialog's contents exist only while it is open: no hidden search box in every page's DOM.
  const [isOpen, setIsOpen] = useState(false);
  const open = useCallback(() => setIsOpen(true), []);
  useEffect(() => {
    if (isOpen && !dialog.current?.open) {
      dialog.current?.showModal();
      input.current?.select();
    }
  }, [isOpen]);
  const go = (url: string) => {
    dialog.current?.close();
    router.push(url);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable=true]");
      if ((event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        open();
      } else if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const onInputKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, items.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter" && text.trim()) {
      event.preventDefault();
      go(items[active]?.url ?? allUrl);
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={open}
        className="flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
        aria-keyshortcuts="Control+K Meta+K /"
      >
        <span>Search</span>
        <kbd className="rounded border border-slate-300 px-1 font-sans text-xs text-slate-600 dark:border-slate-600 dark:text-slate-400">Ctrl K</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Search Wayfinder"
        className="m-auto mt-[10vh] w-[min(42rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100"
        onClick={(event) => event.target === dialog.current && dialog.current?.close()}
        onClose={() => setIsOpen(false)}
      >
        {isOpen && (
          <>
            {/* The field's own outline is off; the bar under it shows focus instead. */}
            <div className="border-b-2 border-slate-200 p-3 focus-within:border-teal-600 dark:border-slate-700 dark:focus-within:border-teal-400">
              <input
                ref={input}
                // Not type="search": Escape there clears the text instead of closing the dialog.
                type="text"
                role="combobox"
                aria-expanded={items.length > 0}
                aria-controls={listId}
                aria-activedescendant={items[active] ? `${listId}-${active}` : undefined}
                aria-autocomplete="list"
                aria-label="Search services, operations, events, teams and docs"
                placeholder="Search operations, events, services, teams, docs…"
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setActive(0);
                }}
                onKeyDown={onInputKey}
                className="w-full bg-transparent text-base outline-none"
              />
            </div>
            <div className="max-h-[60vh] overflow-y-auto p-2" aria-live="polite">
              {query.isError && <p className="p-2 text-sm text-red-700 dark:text-red-300">{query.error.message}</p>}
              {q && query.data?.corrections.length ? (
                <p className="px-2 pb-1 text-xs text-slate-600 dark:text-slate-400">
                  Also searched: {query.data.corrections.map((c) => `${c.word} → ${c.suggestions.join(", ")}`).join("; ")}
                </p>
              ) : null}
              <ul id={listId} role="listbox" aria-label="Results">
                {items.map((item, index) => {
                  const heading = item.kind !== items[index - 1]?.kind ? item.kind : null;
                  return (
                    <li key={item.key} id={`${listId}-${index}`} role="option" aria-selected={index === active}>
                      {heading && (
                        <p className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400" aria-hidden>
                          {heading}
                        </p>
                      )}
                      <a
                        href={item.url}
                        tabIndex={-1}
                        onClick={(event) => {
                          event.preventDefault();
                          go(item.url);
                        }}
                        onMouseMove={() => setActive(index)}
                        className={`flex items-center gap-2 rounded px-2 py-1.5 text-sm ${index === active ? "bg-teal-50 dark:bg-teal-900/40" : ""}`}
                      >
                        {item.method && <MethodBadge method={item.method} />}
                        {item.event && <EventBadge label={item.event} />}
                        <span className="min-w-0 flex-1">
                          <span
                            className={`block truncate font-medium ${item.method || item.event ? "font-mono" : ""} ${item.deprecated ? "line-through" : ""}`}
                          >
                            {item.title}
                          </span>
                          <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
                            {item.deprecated ? `Deprecated · ${item.detail}` : item.detail}
                          </span>
                        </span>
                      </a>
                    </li>
                  );
                })}
              </ul>
              {q && query.data && !items.length && <p className="p-2 text-sm text-slate-600 dark:text-slate-400">Nothing matches “{q}”.</p>}
              {text.trim() && (
                <a
                  href={allUrl}
                  onClick={(event) => {
                    event.preventDefault();
                    go(allUrl);
                  }}
                  className={`mt-1 block rounded px-2 py-1.5 text-sm text-teal-700 dark:text-teal-400 ${active === items.length ? "bg-teal-50 dark:bg-teal-900/40" : ""}`}
                >
                  All results for “{text.trim()}”{query.data ? ` (${query.data.operationTotal} operations)` : ""} →
                </a>
              )}
            </div>
            <p className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
              ↑ ↓ to move · Enter to open · Esc to close
            </p>
          </>
        )}
      </dialog>
    </>
  );
}
