import Link from "@/components/portal-link";
import { describeChange, describeVersionEntry } from "@/lib/audit/describe-change";
import type { AuditEntryView } from "@/lib/audit/list-audit";

/** Audit entries with who, when, what, and for changes the fields before and after. */
export function AuditTable({ entries, showEntity = false }: { entries: AuditEntryView[]; showEntity?: boolean }) {
  if (!entries.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No changes recorded.</p>;
  return (
    <ol className="space-y-3" aria-label="History">
      {entries.map((entry) => {
        const changes = entry.before ? describeChange(entry.before, entry.after) : [];
        const version = describeVersionEntry(entry.action, entry.after);
        const href = entry.entityKey ? (entry.entityType === "service" ? `/services/${entry.entityKey}` : `/teams/${entry.entityKey}`) : null;
        return (
          <li key={entry.id} data-testid="audit-entry" className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
            <p>
              <time dateTime={entry.at} className="text-slate-600 dark:text-slate-400">
                {entry.at.replace("T", " ").slice(0, 19)} UTC
              </time>{" "}
              <span className="font-medium">{entry.actor.label}</span> <span className="font-mono text-xs">{entry.action}</span>
              {version && <span data-testid="audit-version"> {version}</span>}
              {showEntity && href && (
                <>
                  {" "}
                  on{" "}
                  <Link href={href} className="text-teal-700 hover:underline dark:text-teal-400">
                    {entry.entityKey}
                  </Link>
                </>
              )}
            </p>
            {changes.length > 0 && (
              <ul className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                {changes.map((change) => (
                  <li key={change.field}>
                    <span className="font-medium">{change.field}</span>: <del>{change.before}</del> → <ins className="no-underline">{change.after}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
