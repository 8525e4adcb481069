import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { ApprovalManager } from "@/components/approvals/approval-manager";
import { ChangeList, ChangeSummary } from "@/components/changes/change-list";
import { ImpactSummary } from "@/components/changes/consumer-impact";
import { listApprovals, mayApproveChanges } from "@/lib/approvals/manage-approvals";
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
  const versions = await listServiceChanges(db, { actor, slug, level });
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
      {versions.length === 0 && <p>No version has been published yet.</p>}
      <ol className="space-y-8">
        {versions.map((version) => (
          <li key={`${version.version}#${version.revision}`} className="space-y-3">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h2 className="text-lg font-semibold">
                {version.version} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">revision {version.revision}</span>
              </h2>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {version.publishedAt.slice(0, 16).replace("T", " ")} UTC{version.publishedBy ? ` by ${version.publishedBy}` : ""} · {version.origin}
              </span>
            </div>
            {version.base ? (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span>
                  Since{" "}
                  <Link
                    href={`/services/${slug}/diff?from=${encodeURIComponent(version.base.version)}&fromRevision=${version.base.revision}&to=${encodeURIComponent(version.version)}&toRevision=${version.revision}`}
                    className="text-teal-800 underline dark:text-teal-300"
                  >
                    {version.base.version} (revision {version.base.revision})
                  </Link>
                  :
                </span>
                <ChangeSummary summary={version.summary} />
                {version.semverViolation && <span className="text-amber-900 dark:text-amber-300">breaking changes without a new major version</span>}
                {version.acceptedBreakingReason && <span>accepted: “{version.acceptedBreakingReason}”</span>}
              </div>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">The first version: nothing before it to compare with.</p>
            )}
            {version.base && <ImpactSummary tally={version.consumers} />}
            {version.base && <ChangeList changes={version.changes} />}
          </li>
        ))}
      </ol>
    </div>
  );
}
