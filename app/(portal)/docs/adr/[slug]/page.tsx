import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { notFound } from "next/navigation";
import { AdrStatusBadge } from "@/components/docs/adr-status-badge";
import { DocPage } from "@/components/docs/doc-page";
import { findEntry, listEntries } from "@/lib/content/content-store";
import { supersessionChain } from "@/lib/content/supersession-chain";

type Params = Promise<{ slug: string }>;

export function generateStaticParams() {
  return listEntries("adr").map((entry) => ({ slug: entry.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const adr = findEntry("adr", (await params).slug);
  return { title: adr ? `ADR ${adr.frontmatter.number}: ${adr.frontmatter.title}` : "ADR" };
}

export default async function AdrPage({ params }: { params: Params }) {
  const adr = findEntry("adr", (await params).slug);
  if (!adr) notFound();
  const { number, title, status, date, deciders } = adr.frontmatter;
  const chain = supersessionChain(adr, listEntries("adr"));
  const supersededBy = adr.frontmatter["superseded-by"];
  return (
    <DocPage
      title={`ADR ${number}: ${title}`}
      file={adr.file}
      body={adr.body}
      header={
        <div className="mb-6 space-y-3">
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
            <AdrStatusBadge status={status} /> <span>Decided {date}</span> <span>by {deciders.join(", ")}</span>
          </p>
          {supersededBy && (
            <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950/40">
              Superseded by{" "}
              <Link href={`/docs/adr/${supersededBy}`} className="font-medium text-teal-700 underline dark:text-teal-400">
                ADR {findEntry("adr", supersededBy)?.frontmatter.number}: {findEntry("adr", supersededBy)?.frontmatter.title}
              </Link>
              .
            </p>
          )}
          {chain.length > 1 && (
            <nav aria-label="Supersession chain" className="text-sm">
              <ol className="flex flex-wrap items-center gap-2">
                {chain.map((entry, index) => (
                  <li key={entry.slug} className="flex items-center gap-2">
                    {index > 0 && <span aria-hidden>→</span>}
                    {entry.slug === adr.slug ? (
                      <span aria-current="page" className="font-semibold">
                        ADR {entry.frontmatter.number}
                      </span>
                    ) : (
                      <Link href={`/docs/adr/${entry.slug}`} className="text-teal-700 hover:underline dark:text-teal-400">
                        ADR {entry.frontmatter.number} ({entry.frontmatter.status})
                      </Link>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          )}
        </div>
      }
    />
  );
}
