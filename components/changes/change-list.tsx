import { Badge, type BadgeTone } from "@/components/ui/badge";
import { byLevel, LEVELS, type Change, type Level } from "@/lib/diff/diff-types";
import { ChangeConsumers } from "./consumer-impact";

const levelTone: Record<Level, BadgeTone> = { breaking: "amber", warning: "violet", info: "slate" };
const levelLabel: Record<Level, string> = { breaking: "breaking", warning: "potentially breaking", info: "info" };

export function LevelBadge({ level }: { level: Level }) {
  return <Badge tone={levelTone[level]}>{levelLabel[level]}</Badge>;
}

/** Counts by level, as badges: "2 breaking · 1 potentially breaking · 5 info". */
export function ChangeSummary({ summary }: { summary: Record<Level, number> }) {
  const shown = LEVELS.filter((level) => summary[level] > 0);
  if (!shown.length) return <span className="text-sm text-slate-600 dark:text-slate-400">no changes</span>;
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {shown.map((level) => (
        <Badge key={level} tone={levelTone[level]}>
          {summary[level]} {levelLabel[level]}
        </Badge>
      ))}
    </span>
  );
}

const show = (value: unknown) => (value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

/**
 * Changes grouped by where they are (an operation, or a shared schema with the operations that reach
 * it), breaking first within each group, with the rule id and the values before and after.
 */
export function ChangeList({ changes }: { changes: Change[] }) {
  if (!changes.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No changes.</p>;
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const where = change.operation ?? change.component ?? "the document";
    groups.set(where, [...(groups.get(where) ?? []), change]);
  }
  const worst = (list: Change[]) => Math.min(...list.map((change) => LEVELS.indexOf(change.level)));
  const ordered = [...groups].sort(([a, listA], [b, listB]) => worst(listA) - worst(listB) || a.localeCompare(b));
  return (
    <div className="space-y-4">
      {ordered.map(([where, list]) => (
        <section key={where} aria-label={where} className="rounded-lg border border-slate-200 dark:border-slate-800">
          <h4 className="border-b border-slate-200 px-3 py-2 font-mono text-sm dark:border-slate-800">
            {where}
            {list[0]?.operations?.length ? (
              <span className="ml-2 font-sans text-xs text-slate-600 dark:text-slate-400">
                used by {list[0].operations.join(", ")}
                {(list[0].operationCount ?? 0) > list[0].operations.length ? ` and ${list[0].operationCount! - list[0].operations.length} more` : ""}
              </span>
            ) : null}
          </h4>
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {[...list].sort(byLevel).map((change, index) => (
              <li key={`${change.id}-${index}`} className="space-y-1 px-3 py-2 text-sm" data-rule={change.id}>
                <div className="flex flex-wrap items-center gap-2">
                  <LevelBadge level={change.level} />
                  <span>{change.message}</span>
                  <code className="text-xs text-slate-600 dark:text-slate-400">{change.id}</code>
                </div>
                {(change.before !== undefined || change.after !== undefined) && (
                  <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
                    {show(change.before) !== null && <span>before: {show(change.before)} </span>}
                    {show(change.after) !== null && <span>after: {show(change.after)}</span>}
                  </p>
                )}
                <ChangeConsumers change={change} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
