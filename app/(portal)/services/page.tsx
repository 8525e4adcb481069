import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { CatalogueFilters } from "@/components/catalogue/catalogue-filters";
import { ServiceTable } from "@/components/services/service-table";
import { myTeamIds } from "@/lib/auth/my-team-ids";
import { getDb } from "@/lib/platform/db/database";
import { readerActor } from "@/lib/auth/reader-actor";
import { catalogueFacets } from "@/lib/services/catalogue-facets";
import { listServices } from "@/lib/services/list-services";
import { levelNames } from "@/lib/scorecards/scorecard-config";
import {
  describeFilterProblems,
  lifecycles,
  serviceFiltersFromSearchParams,
  serviceFiltersSchema,
  serviceFiltersToSearch,
} from "@/lib/services/service-filters";

export const metadata: Metadata = { title: "Catalogue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const parsed = serviceFiltersFromSearchParams(params);
  // A hand-edited URL with a bad filter shows the whole catalogue and says so, rather than failing.
  const filters = parsed.success ? parsed.data : serviceFiltersSchema.parse({});
  // Levels are configured (governance/scorecards.yaml), so the schema cannot list them: checked here.
  const levels = levelNames();
  const known = [...levels, "none"];
  const canonical = filters.level ? known.find((level) => level.toLowerCase() === filters.level!.toLowerCase()) : undefined;
  const unknownLevel = filters.level && !canonical ? filters.level : null;
  if (filters.level) filters.level = canonical;
  const actor = await readerActor(`/services${serviceFiltersToSearch(filters)}`);
  const signedIn = actor.kind === "user";
  if (filters.mine && !signedIn) filters.mine = false;
  const db = await getDb();
  const [page, { teams, tags }] = await Promise.all([listServices(db, filters, { myTeamIds: filters.mine ? myTeamIds(actor) : [] }), catalogueFacets(db)]);
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));

  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">API catalogue</h1>
        <div className="flex items-baseline gap-4">
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="result-count">
            {page.total} {page.total === 1 ? "service" : "services"}
          </p>
          {signedIn && (
            <Link href="/services/new" className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800">
              Register a service
            </Link>
          )}
        </div>
      </div>
      {unknownLevel && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-200">
          The level filter was ignored: level &quot;{unknownLevel.slice(0, 60)}&quot; is not one of {known.join(", ")}.
        </p>
      )}
      {!parsed.success && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-900/30 dark:text-amber-200">
          Some filters in this address were not understood and were ignored: {describeFilterProblems(parsed.error.issues, params).join("; ")}.
        </p>
      )}
      <CatalogueFilters filters={filters} teams={teams} tags={tags} lifecycles={lifecycles} levels={levels} signedIn={signedIn} />
      {page.items.length ? (
        <ServiceTable services={page.items} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No service matches these filters.{" "}
          <Link href="/services" className="text-teal-700 underline dark:text-teal-400">
            Clear them
          </Link>
          .
        </p>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-center gap-4 text-sm">
          {page.page > 1 && <Link href={`/services${serviceFiltersToSearch({ ...filters, page: page.page - 1 })}`}>← Previous</Link>}
          <span>
            Page {page.page} of {pageCount}
          </span>
          {page.page < pageCount && <Link href={`/services${serviceFiltersToSearch({ ...filters, page: page.page + 1 })}`}>Next →</Link>}
        </nav>
      )}
    </div>
  );
}
