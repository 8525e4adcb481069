import Link from "@/components/portal-link";
import { eventAnchor } from "@/lib/asyncapi/event-anchor";
import { eventApiView } from "@/lib/asyncapi/event-api-view";
import type { Change } from "@/lib/diff/diff-types";
import type { LintFinding } from "@/lib/lint/lint-document";
import type { EventVersionView, getEventVersion } from "@/lib/versions/list-event-versions";
import { EventApiLists } from "./event-api-lists";
import { AsyncApiView } from "./asyncapi-view";

type Selected = Awaited<ReturnType<typeof getEventVersion>>;

const MAX_CHANGES_SHOWN = 50;

const MAX_FINDINGS_SHOWN = 50;

/** The version's house-rule findings (the AsyncAPI rules of governance/lint.yaml), or that they are coming. */
function EventLint({ report }: { report: Selected["lintReport"] }) {
  if (!report) return <p className="text-sm text-slate-600 dark:text-slate-400">House rules: being checked.</p>;
  if (report.status === "failed") return <p className="text-sm text-amber-900 dark:text-amber-300">House rules could not be checked: {report.error}</p>;
  const findings = (report.findings as unknown as LintFinding[]).slice(0, MAX_FINDINGS_SHOWN);
  const counts = `${report.errorCount} error${report.errorCount === 1 ? "" : "s"}, ${report.warnCount} warning${report.warnCount === 1 ? "" : "s"}`;
  if (!findings.length) return <p className="text-sm text-emerald-800 dark:text-emerald-300">House rules: no findings.</p>;
  return (
    <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-testid="event-lint">
      <summary className="cursor-pointer text-sm font-medium">House rules: {counts}</summary>
      <ul className="mt-2 space-y-1 text-sm">
        {findings.map((finding, index) => (
          <li key={index}>
            <span className={finding.severity === "error" ? "font-semibold text-red-700 dark:text-red-400" : ""}>{finding.severity}</span>{" "}
            <code className="text-xs">{finding.ruleId}</code> {finding.message} <code className="text-xs break-all">{finding.pointer}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * A service's event API (AsyncAPI), server-rendered: the version shown and the others, what it holds
 * (operations with their direction and channel, messages with their payload schema), and what
 * changed against the version it followed. Every part has an anchor: `#operation-…`, `#message-…`.
 * Text from the document is rendered as text.
 */
export function EventApiSection({
  slug,
  versions,
  selected,
  message: asked,
}: {
  slug: string;
  versions: EventVersionView[];
  selected: Selected;
  /** In large-document mode, the message whose payload, examples and code samples are shown. */
  message?: string;
}) {
  const document = JSON.parse(selected.json) as Record<string, unknown>;
  const base = `/api/v1/services/${encodeURIComponent(slug)}/event-versions/${encodeURIComponent(selected.version)}`;
  const changes = selected.changes.slice(0, MAX_CHANGES_SHOWN) as Change[];
  const view = eventApiView(
    {
      document,
      api: selected.api,
      href: (id) =>
        `/services/${slug}?eventVersion=${encodeURIComponent(selected.version)}&eventRevision=${selected.revision}&message=${encodeURIComponent(id)}#${eventAnchor("message", id)}`,
    },
    asked,
  );
  return (
    <section aria-labelledby="event-api" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="event-api" className="text-xl font-semibold">
          Event API
        </h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <nav aria-label="Event API versions" className="flex flex-wrap gap-2">
            {versions.map((version) => {
              const current = version.version === selected.version && version.revision === selected.revision;
              return (
                <Link
                  key={`${version.version}-${version.revision}`}
                  href={`/services/${slug}?eventVersion=${encodeURIComponent(version.version)}&eventRevision=${version.revision}#event-api`}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-md border px-2 py-0.5 ${current ? "border-teal-600 bg-teal-50 font-medium dark:bg-teal-900/40" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"}`}
                >
                  {version.version}
                  {version.revision > 1 ? ` (rev. ${version.revision})` : ""}
                </Link>
              );
            })}
          </nav>
          <a href={`${base}/document?revision=${selected.revision}`} className="text-teal-700 hover:underline dark:text-teal-400">
            Download JSON
          </a>
        </div>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {selected.title}, AsyncAPI {selected.asyncapi}
        {selected.convertedFrom ? ` (converted from ${selected.convertedFrom})` : ""}: {selected.channelCount} channel{selected.channelCount === 1 ? "" : "s"},{" "}
        {selected.operationCount} operation{selected.operationCount === 1 ? "" : "s"}, {selected.messageCount} message{selected.messageCount === 1 ? "" : "s"}.
        {selected.baseVersion
          ? ` Against ${selected.baseVersion} (revision ${selected.baseRevision}): ${selected.breakingCount} breaking, ${selected.warningCount} potentially breaking, ${selected.infoCount} other changes.`
          : ""}
      </p>
      {view.large && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="event-api-large">
          A large event API: every operation, channel and message is listed; open a message for its payload, examples and code samples.
        </p>
      )}

      <EventLint report={selected.lintReport} />

      {changes.length > 0 && (
        <details className="rounded-lg border border-slate-200 p-3 dark:border-slate-700" open={selected.breakingCount > 0}>
          <summary className="cursor-pointer text-sm font-medium">Changes since {selected.baseVersion}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {changes.map((change, index) => (
              <li key={index}>
                <span className={change.level === "breaking" ? "font-semibold text-red-700 dark:text-red-400" : ""}>{change.level}</span>{" "}
                <code className="text-xs">{change.id}</code> {change.message}
              </li>
            ))}
          </ul>
        </details>
      )}

      <EventApiLists view={view} />
      <AsyncApiView documentUrl={`${base}/document?revision=${selected.revision}&form=parsed`} />
    </section>
  );
}
