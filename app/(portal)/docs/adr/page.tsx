import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { AdrStatusBadge } from "@/components/docs/adr-status-badge";
import { adrStatuses } from "@/lib/content/collections";
import { listEntries } from "@/lib/content/content-store";

export const metadata: Metadata = { title: "Architecture decisions" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdrIndexPage({ searchParams }: { searchParams: SearchParams }) {
  const wanted = (await searchParams).status;
  const status = adrStatuses.find((entry) => entry === wanted);
  const all = listEntries("adr");
  const shown = status ? all.filter((adr) => adr.frontmatter.status === status) : all;
  const timeline = [...shown].sort((a, b) => b.frontmatter.date.localeCompare(a.frontmatter.date) || b.frontmatter.number - a.frontmatter.number);
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? "border-teal-600 bg-teal-50 text-teal-800 dark:bg-teal-950 dark:text-teal-200" : "border-slate-300 dark:border-slate-600"}`;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">Architecture decisions</h1>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
        <Link href="/docs/adr" className={chip(!status)} aria-current={!status ? "page" : undefined}>
          all ({all.length})
        </Link>
        {adrStatuses.map((entry) => (
          <Link key={entry} href={`/docs/adr?status=${entry}`} className={chip(status === entry)} aria-current={status === entry ? "page" : undefined}>
            {entry} ({all.filter((adr) => adr.frontmatter.status === entry).length})
          </Link>
        ))}
      </nav>
      <ol aria-label="Timeline" className="relative space-y-4 border-l border-slate-300 pl-6 dark:border-slate-700">
        {timeline.map((adr) => (
          <li key={adr.slug} data-testid="adr-entry" className="relative">
            <span aria-hidden className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full border-2 border-white bg-teal-600 dark:border-slate-950" />
            <time dateTime={adr.frontmatter.date} className="text-xs text-slate-600 dark:text-slate-400">
              {adr.frontmatter.date}
            </time>
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/docs/adr/${adr.slug}`} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
                ADR {adr.frontmatter.number}: {adr.frontmatter.title}
              </Link>
              <AdrStatusBadge status={adr.frontmatter.status} />
            </p>
          </li>
        ))}
      </ol>
      {!timeline.length && <p className="text-slate-600 dark:text-slate-400">No decision has this status.</p>}
    </div>
  );
}
