import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { EventBadge, eventLabel } from "@/components/search/event-badge";
import { MethodBadge } from "@/components/search/method-badge";
import { LifecycleBadge } from "@/components/services/lifecycle-badge";
import { getDb } from "@/lib/platform/db/database";
import { readerActor } from "@/lib/auth/reader-actor";
import { searchEverything, type SearchResults } from "@/lib/search/search-everything";
import { searchInputSchema, searchKinds } from "@/lib/search-index/search-input";
import { catalogueFacets } from "@/lib/services/catalogue-facets";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";
const kindLabels = { operation: "Operations", event: "Events (AsyncAPI)", service: "Services", team: "Teams", doc: "Docs" } as const;
const methods = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];

function Group({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  if (!count) return null;
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({count})</span>
      </h2>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {children}
      </ol>
    </section>
  );
}

function Results({ results }: { results: SearchResults }) {
  return (
    <div className="space-y-6">
      <Group title="Operations" count={results.operationTotal}>
        {results.operations.map((hit) => (
          <li key={`${hit.service.slug} ${hit.method} ${hit.path}`} className="flex items-start gap-3 px-3 py-2" data-testid="operation-hit">
            <MethodBadge method={hit.method} />
            <div className="min-w-0">
              <Link
                href={hit.url}
                className={`font-mono text-sm font-medium break-all text-teal-700 hover:underline dark:text-teal-400 ${hit.deprecated ? "line-through" : ""}`}
              >
                {hit.path}
              </Link>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {hit.service.name} {hit.version}
                {hit.operationId && <span className="font-mono text-xs break-all text-slate-600 dark:text-slate-400"> · {hit.operationId}</span>}
                {hit.deprecated && <span className="ml-1 text-xs font-medium text-amber-800 dark:text-amber-300">deprecated</span>}
              </p>
              {(hit.summary || hit.description) && <p className="truncate text-sm text-slate-600 dark:text-slate-400">{hit.summary || hit.description}</p>}
            </div>
          </li>
        ))}
      </Group>
      <Group title="Events" count={results.events.length}>
        {results.events.map((hit) => (
          <li key={`${hit.service.slug} ${hit.kind} ${hit.name}`} className="flex items-start gap-3 px-3 py-2" data-testid="event-hit">
            <EventBadge label={eventLabel(hit)} />
            <div className="min-w-0">
              <Link href={hit.url} className="font-mono text-sm font-medium break-all text-teal-700 hover:underline dark:text-teal-400">
                {hit.name}
              </Link>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {hit.service.name} {hit.version} · {hit.kind}
                {hit.channel && <span className="font-mono text-xs break-all text-slate-600 dark:text-slate-400"> · {hit.channel}</span>}
              </p>
              {hit.summary && <p className="truncate text-sm text-slate-600 dark:text-slate-400">{hit.summary}</p>}
            </div>
          </li>
        ))}
      </Group>
      <Group title="Services" count={results.services.length}>
        {results.services.map((hit) => (
          <li key={hit.slug} className="px-3 py-2">
            <Link href={hit.url} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
              {hit.name}
            </Link>{" "}
            <LifecycleBadge lifecycle={hit.lifecycle} />
            <p className="truncate text-sm text-slate-600 dark:text-slate-400">{hit.description}</p>
          </li>
        ))}
      </Group>
      <Group title="Teams" count={results.teams.length}>
        {results.teams.map((hit) => (
          <li key={hit.slug} className="px-3 py-2">
            <Link href={hit.url} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
              {hit.name}
            </Link>
          </li>
        ))}
      </Group>
      <Group title="Docs" count={results.docs.length}>
        {results.docs.map((hit) => (
          <li key={hit.url} className="px-3 py-2">
            <p className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">{hit.collection}</p>
            <Link href={hit.url} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
              {hit.title}
            </Link>
            <p className="text-sm text-slate-600 dark:text-slate-400">{hit.snippet}</p>
          </li>
        ))}
      </Group>
    </div>
  );
}

/** Search everything with filters, as a GET form: results are a URL to share. The palette's "All results". */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = first(params.q).trim();
  await readerActor(`/search${q ? `?q=${encodeURIComponent(q)}` : ""}`);
  const db = await getDb();
  const parsed = searchInputSchema.safeParse(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, first(value)])));
  const [results, facets] = await Promise.all([parsed.success ? searchEverything(db, parsed.data) : null, catalogueFacets(db)]);
  const input = parsed.success ? parsed.data : null;
  const empty = results && !results.operationTotal && !results.events.length && !results.services.length && !results.teams.length && !results.docs.length;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Search</h1>
      <form
        method="get"
        role="search"
        aria-label="Search everything"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Words
          <input type="search" name="q" defaultValue={q} className={field} placeholder="createPayment, /refunds/{id}, webhook…" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Kind
          <select name="kind" defaultValue={first(params.kind)} className={field}>
            <option value="">Everything</option>
            {searchKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Team
          <select name="team" defaultValue={first(params.team)} className={field}>
            <option value="">Any team</option>
            {facets.teams.map((team) => (
              <option key={team.slug} value={team.slug}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Service
          <input name="service" defaultValue={first(params.service)} className={`${field} w-40`} placeholder="service slug" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Method
          <select name="method" defaultValue={first(params.method)?.toLowerCase()} className={field}>
            <option value="">Any method</option>
            {methods.map((method) => (
              <option key={method} value={method}>
                {method.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Deprecated
          <select name="deprecated" defaultValue={first(params.deprecated)} className={field}>
            <option value="">Either</option>
            <option value="false">Current only</option>
            <option value="true">Deprecated only</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
          Search
        </button>
      </form>
      {q && !parsed.success && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-200">
          {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}
        </p>
      )}
      {results && (
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="search-summary">
          {results.operationTotal} operations, {results.events.length} events, {results.services.length} services, {results.teams.length} teams,{" "}
          {results.docs.length} docs for “{input?.q}”
          {results.corrections.length > 0 && <> · also searched {results.corrections.map((c) => `${c.suggestions.join(" or ")} for “${c.word}”`).join(", ")}</>}
        </p>
      )}
      {results && <Results results={results} />}
      {empty && <p>Nothing matches. Try fewer words, or another kind or team.</p>}
      {!q && <p className="text-sm text-slate-600 dark:text-slate-400">Type a word above, or press Ctrl+K (⌘K) on any page.</p>}
    </div>
  );
}
