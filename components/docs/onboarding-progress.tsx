"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { apiRequest } from "@/components/forms/api-client";

interface Progress {
  ticked: Set<string>;
  toggle(itemId: string, ticked: boolean): void;
  total: number;
  ready: boolean;
}

const ProgressContext = createContext<Progress | null>(null);
const STORAGE_KEY = "wayfinder-onboarding";
const STORAGE_EVENT = "wayfinder-onboarding-change";
const queryKey = ["onboarding-ticks"];

/** Other tabs change the storage ("storage" events); this tab tells itself with its own event. */
function subscribeToStorage(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(STORAGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(STORAGE_EVENT, onChange);
  };
}

/** Signed-in progress lives in the database (every device); anonymous progress in this browser. */
function useStoredProgress(signedIn: boolean) {
  const client = useQueryClient();
  const remote = useQuery({
    queryKey,
    enabled: signedIn,
    queryFn: () => apiRequest<{ items: string[] }>("GET", "/api/v1/me/onboarding").then((body) => body.items),
  });
  const change = useMutation({
    mutationFn: ({ itemId, ticked }: { itemId: string; ticked: boolean }) => apiRequest(ticked ? "PUT" : "DELETE", `/api/v1/me/onboarding/${itemId}`),
    onError: (_error, { itemId }) => {
      setChoices(({ [itemId]: _dropped, ...rest }) => rest);
      void client.invalidateQueries({ queryKey });
    },
  });
  const raw = useSyncExternalStore(
    subscribeToStorage,
    () => localStorage.getItem(STORAGE_KEY) ?? "[]",
    () => null,
  );
  const local = useMemo(() => {
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as string[];
    } catch {
      return [];
    }
  }, [raw]);

  // A click must show in the same render (React resets a controlled checkbox otherwise), so the
  // choice is kept in component state until the server's list includes it.
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  // Ticks made in this browser before signing in are carried into the account once, then forgotten
  // here (the page promised "sign in to keep it everywhere").
  const carried = signedIn && remote.data ? (local ?? []).filter((id) => !remote.data.includes(id)) : [];
  useEffect(() => {
    if (!signedIn || !remote.data || !local?.length) return;
    const missing = local.filter((id) => !remote.data.includes(id));
    localStorage.removeItem(STORAGE_KEY);
    window.dispatchEvent(new Event(STORAGE_EVENT));
    if (!missing.length) return;
    // One at a time: an item the server no longer knows is skipped, not the rest.
    void missing
      .reduce((done, id) => done.then(() => apiRequest("PUT", `/api/v1/me/onboarding/${id}`).catch(() => undefined)), Promise.resolve<unknown>(undefined))
      .then(() => client.invalidateQueries({ queryKey }));
  }, [signedIn, remote.data, local, client]);
  if (signedIn) {
    const merged =
      remote.data && [...new Set([...remote.data, ...carried, ...Object.keys(choices).filter((id) => choices[id])])].filter((id) => choices[id] !== false);
    return {
      items: merged,
      toggle: (itemId: string, ticked: boolean) => {
        setChoices((current) => ({ ...current, [itemId]: ticked }));
        change.mutate(
          { itemId, ticked },
          {
            onSuccess: () =>
              client.setQueryData<string[]>(queryKey, (items = []) => (ticked ? [...new Set([...items, itemId])] : items.filter((item) => item !== itemId))),
          },
        );
      },
    };
  }
  return {
    items: local ?? undefined,
    toggle: (itemId: string, ticked: boolean) => {
      const next = ticked ? [...new Set([...(local ?? []), itemId])] : (local ?? []).filter((item) => item !== itemId);
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      window.dispatchEvent(new Event(STORAGE_EVENT));
    },
  };
}

export function OnboardingProgress({ signedIn, total, children }: { signedIn: boolean; total: number; children: ReactNode }) {
  const { items, toggle } = useStoredProgress(signedIn);
  return <ProgressContext.Provider value={{ ticked: new Set(items ?? []), toggle, total, ready: items !== undefined }}>{children}</ProgressContext.Provider>;
}

function useProgress(): Progress {
  const progress = useContext(ProgressContext);
  if (!progress) throw new Error("OnboardingProgress is missing");
  return progress;
}

export function ProgressBar() {
  const { ticked, total, ready } = useProgress();
  const done = ready ? ticked.size : 0;
  return (
    <div className="space-y-1" data-testid="onboarding-progress">
      <p className="text-sm font-medium">{ready ? `${done} of ${total} done` : "Loading your progress…"}</p>
      <progress aria-label="Onboarding progress" max={total} value={done} className="h-2 w-full" />
    </div>
  );
}

export function Checklist({ items }: { items: { id: string; label: string }[] }) {
  const { ticked, toggle, ready } = useProgress();
  return (
    <ul className="my-3 space-y-1 rounded-md border border-slate-200 p-3 dark:border-slate-800" aria-label="Checklist">
      {items.map((item) => (
        <li key={item.id}>
          <label className="flex items-center gap-2">
            <input type="checkbox" disabled={!ready} checked={ticked.has(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} />
            {item.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
