import { MethodBadge } from "@/components/search/method-badge";
import type { OperationGroup } from "@/lib/versions/operation-index";

/**
 * A small document's operations as the server rendered them, shown while Swagger UI's code loads and
 * starts (about a second on a fresh page: React hydrating, then Swagger UI's modules evaluating). Each
 * is its deep link, so one clicked early opens once Swagger UI is up; Swagger UI replaces the list.
 */
export function OperationPreview({ groups, status }: { groups: OperationGroup[]; status: string }) {
  return (
    <nav aria-label="Operations" aria-busy="true" data-testid="operation-preview" className="space-y-4 p-4">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {status}
      </p>
      {groups.map((group) => (
        <section key={group.name} aria-label={group.name}>
          <h3 className="border-b border-slate-200 pb-1 text-base font-semibold dark:border-slate-700">{group.name}</h3>
          <ul className="mt-2 space-y-1.5">
            {group.operations.map((op) => (
              <li key={`${op.method} ${op.path}`}>
                <a
                  href={op.link}
                  className="flex items-center gap-3 rounded border border-slate-200 px-2 py-1.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
                >
                  <MethodBadge method={op.method} />
                  <span className={`min-w-0 font-mono text-sm break-all ${op.deprecated ? "line-through" : ""}`}>{op.path}</span>
                  {op.summary && <span className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-400">{op.summary}</span>}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
