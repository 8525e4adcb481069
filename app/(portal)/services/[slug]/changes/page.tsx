import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { ApprovalManager } from "@/components/approvals/approval-manager";
import { diffHrefOf, VersionEntry } from "@/components/changes/version-entry";
import { ImpactSummary } from "@/components/changes/consumer-impact";
import { listApprovals, mayApproveChanges } from "@/lib/approvals/manage-approvals";
import { listEventChanges } from "@/lib/changes/list-event-changes";
import { listServiceChanges } from "@/lib/changes/list-service-changes";
import { getDb } from "@/lib/platform/db/database";
import { LEVELS, type Level } from "@/lib/diff/diff-types";
import { orNotFound } from "@/lib/platform/http/or-not-found";
import { readerActor } from "@/lib/auth/reader-actor";
import { getService } from "@/lib/services/get-service";

export const metadata: Metadata = { title: "Changelog" };

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every version and revision of a service with what changed since the one before it. */
export default async function ChangesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await readerActor(`/services/${slug}/changes`);
  const db = await getDb();
  const service = await orNotFound(getService(db, slug));
  const level = LEVELS.find((candidate) => candidate === query.level) as Level | undefined;
  const [versions, eventVersions] = await Promise.all([listServiceChanges(db, { actor, slug, level }), listEventChanges(db, { actor, slug, level })]);
  const [approvals, mayApprove] = await Promise.all([listApprovals(db, { actor, serviceSlug: slug }), mayApproveChanges(db, actor, slug)]);
  const asOf = new Date().toISOString();
  // A link from `wayfinder check` names the change to approve; the form starts with it.
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 2000) : undefined);
  const prefill = { ruleId: text(query.approveRule), target: text(query.approveTarget), pointer: text(query.approvePointer) };
  const filter = (value: Level | undefined, label: string) => (
    <Link
      href={`/services/${slug}/changes${value ? `?level=${value}` : ""}`}
      aria-current={level === value ? "page" : undefined}
      className={`rounded-md px-2 py-1 text-sm ${level === value ? "bg-teal-700 text-white" : "text-teal-800 hover:underline dark:text-teal-300"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/services" className="hover:underline">
          Catalogue
        </Link>{" "}
        /{" "}
        <Link href={`/services/${slug}`} className="hover:underline">
          {service.name}
        </Link>{" "}
        / changelog
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Changelog of {service.name}</h1>
        <Link href={`/services/${slug}/diff`} className="text-sm text-teal-800 hover:underline dark:text-teal-300">
          Compare any two versions
        </Link>
      </div>
      <nav aria-label="Filter by level" className="flex flex-wrap gap-2">
        {filter(undefined, "All changes")}
        {filter("breaking", "Breaking")}
        {filter("warning", "Potentially breaking")}
        {filter("info", "Info")}
      </nav>
      <section aria-labelledby="approvals" className="space-y-2">
        <h2 id="approvals" className="text-lg font-semibold">
          Approved breaking changes
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          An approval covers one breaking change (its rule, operation and pointer, as the diff and <code>wayfinder check</code> print them): the check passes on
          it, and publishing under <code>block</code> accepts it.
        </p>
        <ApprovalManager slug={slug} approvals={approvals.items} waivers={approvals.waivers} mayApprove={mayApprove} asOf={asOf} prefill={prefill} />
      </section>
      {versions.length === 0 && eventVersions.length === 0 && <p>No version has been published yet.</p>}
      {eventVersions.length > 0 && versions.length > 0 && (
        <h2 className="text-xl font-semibold" id="http-api">
          HTTP API
        </h2>
      )}
      <ol className="space-y-8">
        {versions.map((version) => (
          <VersionEntry
            key={`${version.version}#${version.revision}`}
            entry={version}
            heading="h2"
            diffHref={diffHrefOf(slug, version)}
            notes={
              <>
                {version.semverViolation && <span className="text-amber-900 dark:text-amber-300">breaking changes without a new major version</span>}
                {version.acceptedBreakingReason && <span>accepted: “{version.acceptedBreakingReason}”</span>}
              </>
            }
            impact={<ImpactSummary tally={version.consumers} />}
          />
        ))}
      </ol>
      {eventVersions.length > 0 && (
        <section aria-labelledby="event-api-changes" className="space-y-4">
          <h2 id="event-api-changes" className="text-xl font-semibold">
            Event API
          </h2>
          <ol className="space-y-8">
            {eventVersions.map((version) => (
              <VersionEntry
                key={`${version.version}#${version.revision}`}
                entry={version}
                heading="h3"
                title={
                  <Link
                    href={`/services/${slug}?eventVersion=${encodeURIComponent(version.version)}&eventRevision=${version.revision}#event-api`}
                    className="hover:underline"
                  >
                    {version.version}
                  </Link>
                }
                diffHref={diffHrefOf(slug, version, "event")}
              />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
