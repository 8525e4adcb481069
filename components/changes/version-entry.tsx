import type { ReactNode } from "react";
import Link from "@/components/portal-link";
import type { Change } from "@/lib/diff/diff-types";
import { ChangeList, ChangeSummary } from "./change-list";

interface Entry {
  version: string;
  revision: number;
  publishedAt: string;
  publishedBy: string | null;
  origin: string;
  base: { version: string; revision: number } | null;
  summary: { breaking: number; warning: number; info: number };
  changes: Change[];
}

/**
 * One version of a changelog, HTTP or event API alike: when, by whom and how it was published, what
 * it was compared with (a link to that comparison), its counts and its changes. `notes` go beside the
 * counts (a semantic-versioning verdict, an accepted reason), `impact` above the changes.
 */
export function VersionEntry({
  entry,
  heading: Heading,
  title,
  diffHref,
  notes,
  impact,
}: {
  entry: Entry;
  heading: "h2" | "h3";
  title?: ReactNode;
  diffHref: string;
  notes?: ReactNode;
  impact?: ReactNode;
}) {
  return (
    <li className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Heading className="text-lg font-semibold">
          {title ?? entry.version} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">revision {entry.revision}</span>
        </Heading>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {entry.publishedAt.slice(0, 16).replace("T", " ")} UTC{entry.publishedBy ? ` by ${entry.publishedBy}` : ""} · {entry.origin}
        </span>
      </div>
      {entry.base ? (
        <>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>
              Since{" "}
              <Link href={diffHref} className="text-teal-800 underline dark:text-teal-300">
                {entry.base.version} (revision {entry.base.revision})
              </Link>
              :
            </span>
            <ChangeSummary summary={entry.summary} />
            {notes}
          </div>
          {impact}
          <ChangeList changes={entry.changes} />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">The first version: nothing before it to compare with.</p>
      )}
    </li>
  );
}

/** The diff page's address for a version against its base (`contract=event` for an event API). */
export function diffHrefOf(slug: string, entry: Pick<Entry, "version" | "revision" | "base">, contract: "http" | "event" = "http"): string {
  const params = new URLSearchParams({
    ...(contract === "event" ? { contract } : {}),
    from: entry.base?.version ?? "",
    fromRevision: String(entry.base?.revision ?? ""),
    to: entry.version,
    toRevision: String(entry.revision),
  });
  return `/services/${slug}/diff?${params}`;
}
