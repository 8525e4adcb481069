import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/portal-link";
import { notFound } from "next/navigation";
import { preload } from "react-dom";
import { ApiReference } from "@/components/api-reference/api-reference";
import { LargeApiReference } from "@/components/api-reference/large-api-reference";
import { SwaggerPreload } from "@/components/api-reference/swagger-preload";
import { EventApiSection } from "@/components/events/event-api-section";
import { getEventVersion, listEventVersions } from "@/lib/versions/list-event-versions";
import { FormatBadge } from "@/components/services/format-badge";
import { LifecycleBadge } from "@/components/services/lifecycle-badge";
import { OwnerContacts } from "@/components/services/owner-contacts";
import { DeprecationBanner } from "@/components/services/deprecation-banner";
import { VersionPicker } from "@/components/services/version-picker";
import { listDeprecatedOperations } from "@/lib/deprecations/list-deprecated-operations";
import { AuditTable } from "@/components/audit/audit-table";
import { auditFiltersSchema, listAudit } from "@/lib/audit/list-audit";
import { getDb } from "@/lib/platform/db/database";
import { orNotFound } from "@/lib/platform/http/or-not-found";
import { readerActor } from "@/lib/auth/reader-actor";
import { canActorEditService } from "@/lib/services/can-edit-service";
import { getSource } from "@/lib/sources/get-source";
import { PublishPanel } from "@/components/services/publish-panel";
import { SourceStatusView } from "@/components/services/source-status";
import { getService } from "@/lib/services/get-service";
import { selectVersion } from "@/lib/versions/select-version";
import { after } from "next/server";
import { TryItNote } from "@/components/try/try-it-note";
import { TtfcFigure } from "@/components/try/ttfc-figure";
import { recordDocsOpened } from "@/lib/try-it/first-call/record-try-event";
import { timeToFirstCall } from "@/lib/try-it/first-call/time-to-first-call";
import { tryConfigFor } from "@/lib/try-it/proxy/try-config-for";
import { isLargeDocument, listOperationIndex } from "@/lib/versions/operation-index";
import { getLintReport } from "@/lib/lint/get-lint-report";
import { getBodyExamples } from "@/lib/try-it/get-body-examples";
import { LintReport } from "@/components/lint/lint-report";
import { ScorecardPanel } from "@/components/scorecards/scorecard-panel";
import { getScorecard } from "@/lib/scorecards/get-scorecard";
import { DependencySection, SHOWN_NEIGHBOURS } from "@/components/consumers/dependency-section";
import { WatchButton } from "@/components/consumers/watch-button";
import { listNeighbours } from "@/lib/consumers/list-consumers";
import { listUnusedOperations } from "@/lib/consumers/unused-operations";
import { isWatching } from "@/lib/watches/manage-watches";
import { ConformanceSection } from "@/components/conformance/conformance-section";
import { getConformance } from "@/lib/conformance/get-conformance";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const VERSIONS_PER_PAGE = 10;

/** One load per request, shared by the metadata and the page; the reader is checked first (the title names the service too). */
const loadService = cache(async (slug: string) => getService(await getDb(), slug, { reader: await readerActor(`/services/${slug}`) }));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const service = await loadService(slug).catch(() => null);
  if (!service) return { title: "Service" };
  return { title: service.name };
}

export default async function ServicePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await readerActor(`/services/${slug}`);
  const db = await getDb();
  const service = await orNotFound(loadService(slug));
  const revision = Number(first(query.revision));
  const selected = selectVersion(service.versions, {
    version: first(query.version),
    revision: Number.isInteger(revision) && revision > 0 ? revision : undefined,
  });
  if (first(query.version) && !selected) notFound();
  if (selected && actor.kind === "user") {
    const userId = actor.userId;
    // Time to first call runs from here; recorded after the response so the page never waits on it.
    after(() => recordDocsOpened(db, { userId, serviceSlug: service.slug }));
  }
  const at = selected ? { serviceSlug: service.slug, version: selected.version, revision: selected.revision } : null;
  // Read in two batches of independent reads, each at most eight queries at once: what is drawn above
  // the reference and the reference itself, then the sections below it. Not streamed behind a Suspense
  // boundary: those sections would then arrive in a hidden element that only a script shows, so a
  // reader without JavaScript would lose them, for no gain the docs bench could see (docs/benchmarks.md).
  const large = selected ? isLargeDocument(selected) : false;
  const [canEdit, watching, deprecatedOperations, tryConfig, operationIndex, examples, [ttfc], scorecard] = await Promise.all([
    canActorEditService(db, actor, slug),
    actor.kind === "user" ? isWatching(db, { userId: actor.userId, slug }) : null,
    at ? listDeprecatedOperations(db, { slug, version: at.version, revision: at.revision }) : [],
    at ? tryConfigFor(db, at) : null,
    // A large document is read one operation at a time, from the index; a small one whole, fetched
    // while the page's code loads, with its operations from the index in the HTML until Swagger UI is up.
    at ? listOperationIndex(db, at) : null,
    // Try it out's pre-filled bodies, for Swagger UI to take with the document (a large one's per operation, in the browser).
    at && !large ? getBodyExamples(db, { actor, ...at }) : {},
    timeToFirstCall(db, { serviceSlug: service.slug }),
    getScorecard(db, { actor, serviceSlug: service.slug }),
  ]);
  const [history, source, consumers, dependencies, unused, lint, conformance, eventVersions] = await Promise.all([
    listAudit(db, auditFiltersSchema.parse({ service: slug, limit: 20 }), actor),
    getSource(db, { actor, slug }),
    listNeighbours(db, { actor, slug, side: "consumers", pageSize: SHOWN_NEIGHBOURS }),
    listNeighbours(db, { actor, slug, side: "dependencies", pageSize: SHOWN_NEIGHBOURS }),
    listUnusedOperations(db, { actor, slug }),
    at ? getLintReport(db, { actor, ...at }) : null,
    at ? getConformance(db, { actor, slug: at.serviceSlug, version: at.version }) : null,
    listEventVersions(db, service.slug),
  ]);
  // The service's event API, if it has one: the version asked for, else the newest.
  const eventSelected = eventVersions.length
    ? await getEventVersion(db, {
        serviceSlug: service.slug,
        version: first(query.eventVersion),
        revision: Number(first(query.eventRevision)) || undefined,
      }).catch(() => getEventVersion(db, { serviceSlug: service.slug }))
    : null;
  const versionUrl = selected ? `/api/v1/services/${encodeURIComponent(service.slug)}/versions/${encodeURIComponent(selected.version)}` : null;
  const documentUrl = selected ? `${versionUrl}/document?revision=${selected.revision}` : null;
  if (documentUrl && !large) preload(documentUrl, { as: "fetch", crossOrigin: "anonymous" });
  const versionsPage = Math.max(1, Number(first(query.versionsPage)) || 1);
  const versionsShown = service.versions.slice((versionsPage - 1) * VERSIONS_PER_PAGE, versionsPage * VERSIONS_PER_PAGE);
  const versionsPageCount = Math.ceil(service.versions.length / VERSIONS_PER_PAGE);
  // Paging the versions table keeps the version the docs show.
  const versionQuery: Record<string, string> = {};
  for (const key of ["version", "revision"]) if (first(query[key])) versionQuery[key] = first(query[key])!;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/services" className="hover:underline">
          Catalogue
        </Link>{" "}
        / <span>{service.slug}</span>
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{service.name}</h1>
        <LifecycleBadge lifecycle={service.lifecycle} />
        <span className="text-sm text-slate-600 dark:text-slate-400" title="1 is the most critical">
          Tier {service.tier}
        </span>
        <span className="ml-auto" />
        {watching !== null && <WatchButton slug={service.slug} watching={watching} />}
        {canEdit && (
          <Link
            href={`/services/${service.slug}/edit`}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            Edit
          </Link>
        )}
      </header>

      <section aria-labelledby="overview" className="grid gap-6 md:grid-cols-3">
        <h2 id="overview" className="sr-only">
          Overview
        </h2>
        <div className="space-y-4 md:col-span-2">
          <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{service.description || "No description yet."}</p>
          <div>
            <h3 className="mb-2 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">Versions</h3>
            {service.versions.length ? (
              <>
                <table className="w-full text-sm" aria-label="Versions">
                  <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
                    <tr>
                      <th className="py-1 font-medium">Version</th>
                      <th className="font-medium">Format</th>
                      <th className="font-medium">Operations</th>
                      <th className="font-medium">Published</th>
                    </tr>
                  </thead>
                  <tbody>
                    {versionsShown.map((version) => (
                      <tr key={`${version.version}-${version.revision}`} className="border-t border-slate-100 dark:border-slate-800">
                        <td className="py-1.5 font-mono">
                          {version.version}
                          {version.revision > 1 && <span className="text-slate-600 dark:text-slate-400"> r{version.revision}</span>}
                          {version.isCurrent && <span className="ml-2 font-sans text-xs text-emerald-700 dark:text-emerald-400">current</span>}
                        </td>
                        <td>
                          <FormatBadge format={version.format} />
                        </td>
                        <td className="tabular-nums">{version.operationCount}</td>
                        <td>
                          <time dateTime={version.createdAt}>{version.createdAt.slice(0, 10)}</time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {versionsPageCount > 1 && (
                  <nav aria-label="Version pages" className="mt-2 flex items-center gap-4 text-sm">
                    {versionsPage > 1 && (
                      <Link href={`?${new URLSearchParams({ ...versionQuery, versionsPage: String(versionsPage - 1) })}`} scroll={false}>
                        ← Newer
                      </Link>
                    )}
                    <span className="text-slate-600 dark:text-slate-400">
                      Versions {(versionsPage - 1) * VERSIONS_PER_PAGE + 1}–{(versionsPage - 1) * VERSIONS_PER_PAGE + versionsShown.length} of{" "}
                      {service.versions.length}
                    </span>
                    {versionsPage < versionsPageCount && (
                      <Link href={`?${new URLSearchParams({ ...versionQuery, versionsPage: String(versionsPage + 1) })}`} scroll={false}>
                        Older →
                      </Link>
                    )}
                  </nav>
                )}
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">No API description has been published yet.</p>
            )}
          </div>
        </div>
        <aside className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
          <OwnerContacts owners={service.owners} />
          {scorecard && <ScorecardPanel scorecard={scorecard} />}
          {(service.links.length > 0 || service.repositoryUrl) && (
            <div>
              <h3 className="mb-1 font-semibold">Links</h3>
              <ul className="space-y-0.5">
                {service.repositoryUrl && (
                  <li>
                    <a href={service.repositoryUrl} rel="noopener noreferrer" className="inline-block py-0.5 text-teal-700 hover:underline dark:text-teal-400">
                      Repository
                    </a>
                  </li>
                )}
                {service.links.map((link) => (
                  <li key={link.url}>
                    <a href={link.url} rel="noopener noreferrer" className="inline-block py-0.5 text-teal-700 hover:underline dark:text-teal-400">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TtfcFigure figure={ttfc} />
          {service.tags.length > 0 && (
            <div>
              <h3 className="mb-1 font-semibold">Tags</h3>
              <p className="flex flex-wrap gap-1">
                {service.tags.map((tag) => (
                  <Link key={tag} href={`/services?tag=${encodeURIComponent(tag)}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                    {tag}
                  </Link>
                ))}
              </p>
            </div>
          )}
        </aside>
      </section>

      <DeprecationBanner deprecated={service.lifecycle === "deprecated"} sunsetDate={service.sunsetDate} operations={deprecatedOperations} />

      {selected && documentUrl && (
        <section aria-labelledby="reference" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="reference" className="text-xl font-semibold">
              API reference
            </h2>
            <div className="flex flex-wrap items-center gap-3">
              <VersionPicker versions={service.versions} selected={selected} />
              {selected.changes && selected.changes.breaking > 0 && (
                <Link href={`/services/${service.slug}/changes?level=breaking`} className="text-sm font-medium text-amber-900 underline dark:text-amber-300">
                  {selected.changes.breaking} breaking change{selected.changes.breaking === 1 ? "" : "s"} since {selected.changes.base.version}
                </Link>
              )}
              <Link href={`/services/${service.slug}/changes`} className="text-sm text-teal-700 hover:underline dark:text-teal-400">
                Changelog
              </Link>
              <a href={documentUrl} className="text-sm text-teal-700 hover:underline dark:text-teal-400">
                Download JSON
              </a>
              <a
                href={`${versionUrl}/client?lang=typescript&revision=${selected.revision}`}
                download
                className="text-sm text-teal-700 hover:underline dark:text-teal-400"
              >
                TypeScript client
              </a>
              <a
                href={`${versionUrl}/client?lang=python&revision=${selected.revision}`}
                download
                className="text-sm text-teal-700 hover:underline dark:text-teal-400"
              >
                Python client
              </a>
              <a href={`/services/${service.slug}.md`} className="text-sm text-teal-700 hover:underline dark:text-teal-400">
                Markdown
              </a>
            </div>
          </div>
          {tryConfig && <TryItNote config={tryConfig} />}
          <SwaggerPreload />
          {large ? (
            <LargeApiReference
              key={documentUrl}
              groups={operationIndex!}
              sliceUrl={`${versionUrl}/operation?revision=${selected.revision}`}
              tryConfig={tryConfig!}
            />
          ) : (
            <ApiReference key={documentUrl} documentUrl={documentUrl} examples={examples} tryConfig={tryConfig!} preview={operationIndex!} />
          )}
        </section>
      )}

      {eventSelected && <EventApiSection slug={service.slug} versions={eventVersions} selected={eventSelected} message={first(query.message)} />}

      {lint && selected && <LintReport report={lint} apiUrl={`${versionUrl}/lint?revision=${selected.revision}`} />}

      {conformance && <ConformanceSection slug={service.slug} conformance={conformance} />}

      <DependencySection slug={service.slug} consumers={consumers} dependencies={dependencies} unused={unused} />

      {(canEdit || source) && (
        <section aria-labelledby="publishing" className="space-y-3">
          <h2 id="publishing" className="text-xl font-semibold">
            Publishing
          </h2>
          {source && <SourceStatusView source={source} />}
          {canEdit && <PublishPanel slug={service.slug} source={source} />}
        </section>
      )}

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          History
        </h2>
        <AuditTable entries={history} />
      </section>
    </div>
  );
}
