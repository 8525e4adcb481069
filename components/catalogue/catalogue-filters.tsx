"use client";

import { usePathname, useRouter } from "next/navigation";
import { useRef, type ReactNode } from "react";
import { requestedLifecycles, type ServiceFilters } from "@/lib/services/service-filters";

interface CatalogueFiltersProps {
  filters: ServiceFilters;
  teams: { slug: string; name: string }[];
  tags: string[];
  lifecycles: readonly string[];
  /** Scorecard levels, lowest first. */
  levels: string[];
  signedIn: boolean;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      {children}
    </label>
  );
}

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Keys that move a closed select's choice (and fire `change`) while a keyboard user is still looking. */
const BROWSING_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * The catalogue's filters as a plain GET form, so they live in the URL and work without JavaScript;
 * with it, each change applies at once (text after a short pause). A select changed from the
 * keyboard applies on Enter or when focus leaves it, not on every arrow key: otherwise the page
 * would reload under a keyboard user at each step and the third team could never be reached.
 */
export function CatalogueFilters({ filters, teams, tags, lifecycles, levels, signedIn }: CatalogueFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The select a keyboard user is browsing; its change waits for Enter or blur.
  const browsing = useRef<HTMLSelectElement | null>(null);
  const pending = useRef(false);
  const lifecycleShown = requestedLifecycles(filters);

  const apply = () => {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === "string" && value) params.append(key, value);
    const search = params.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  return (
    <form
      ref={form}
      method="get"
      role="search"
      aria-label="Filter services"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (!(target instanceof HTMLSelectElement)) return;
        if (BROWSING_KEYS.has(event.key)) browsing.current = target;
        else if (event.key === "Enter" && pending.current) {
          event.preventDefault();
          pending.current = false;
          apply();
        }
      }}
      onPointerDown={(event) => {
        // A choice made with the mouse applies at once, even on a select browsed with keys before.
        if ((event.target as EventTarget) === browsing.current) browsing.current = null;
      }}
      onBlur={(event) => {
        if ((event.target as EventTarget) !== browsing.current) return;
        browsing.current = null;
        if (pending.current) {
          pending.current = false;
          apply();
        }
      }}
      onChange={(event) => {
        if ((event.target as EventTarget) === browsing.current) {
          pending.current = true;
          return;
        }
        clearTimeout(timer.current);
        timer.current = setTimeout(apply, (event.target as HTMLElement).getAttribute("type") === "search" ? 300 : 0);
      }}
    >
      <Field label="Search">
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="Name or description" className={`${field} w-64`} />
      </Field>
      <Field label="Team">
        <select name="team" defaultValue={filters.team ?? ""} className={field}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Tag">
        <select name="tag" defaultValue={filters.tag ?? ""} className={field}>
          <option value="">All tags</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Contract">
        <select name="kind" defaultValue={filters.kind ?? ""} className={field}>
          <option value="">Any</option>
          <option value="http">HTTP (OpenAPI)</option>
          <option value="event">Events (AsyncAPI)</option>
        </select>
      </Field>
      <Field label="Level">
        <select name="level" defaultValue={filters.level ?? ""} className={field}>
          <option value="">Any level</option>
          {[...levels].reverse().map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
          <option value="none">No level yet</option>
        </select>
      </Field>
      <Field label="Sort by">
        <select name="sort" defaultValue={filters.sort ?? "name"} className={field}>
          <option value="name">Name</option>
          <option value="level">Level, highest first</option>
        </select>
      </Field>
      <Field label="Sunset within">
        <select name="sunsetWithin" defaultValue={filters.sunsetWithin === undefined ? "" : String(filters.sunsetWithin)} className={field}>
          <option value="">Any time</option>
          {[30, 90, 180, 365].map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Lifecycle</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {lifecycles.map((lifecycle) => (
            <label key={lifecycle} className="flex items-center gap-1">
              <input type="checkbox" name="lifecycle" value={lifecycle} defaultChecked={lifecycleShown?.includes(lifecycle as never)} />
              {lifecycle}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Show</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {signedIn && (
            <label className="flex items-center gap-1">
              <input type="checkbox" name="mine" value="true" defaultChecked={filters.mine} />
              owned by my teams
            </label>
          )}
          <label className="flex items-center gap-1">
            <input type="checkbox" name="includeRetired" value="true" defaultChecked={filters.includeRetired} />
            retired too
          </label>
        </div>
      </fieldset>
      <noscript>
        <button type="submit" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm text-white">
          Apply
        </button>
      </noscript>
    </form>
  );
}
