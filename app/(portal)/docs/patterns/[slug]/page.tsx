import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { notFound } from "next/navigation";
import { ServiceRef } from "@/components/docs/catalogue-refs";
import { DocPage } from "@/components/docs/doc-page";
import { findEntry, listEntries } from "@/lib/content/content-store";

type Params = Promise<{ slug: string }>;

export function generateStaticParams() {
  return listEntries("patterns").map((entry) => ({ slug: entry.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: findEntry("patterns", (await params).slug)?.frontmatter.title ?? "Pattern" };
}

export default async function PatternPage({ params }: { params: Params }) {
  const pattern = findEntry("patterns", (await params).slug);
  if (!pattern) notFound();
  const { title, summary, services, adrs } = pattern.frontmatter;
  return (
    <DocPage
      title={title}
      file={pattern.file}
      body={pattern.body}
      header={<p className="mb-6 text-lg text-slate-600 dark:text-slate-400">{summary}</p>}
      footer={
        <section aria-labelledby="related" className="mt-10 space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h2 id="related" className="text-lg font-semibold">
            Where it is used, and why
          </h2>
          {services.length > 0 && (
            <p className="flex flex-wrap items-center gap-2 text-sm">
              Services that follow it:{" "}
              {services.map((slug) => (
                <ServiceRef key={slug} slug={slug} />
              ))}
            </p>
          )}
          {adrs.length > 0 && (
            <p className="text-sm">
              Decisions behind it:{" "}
              {adrs.map((slug, index) => {
                const adr = findEntry("adr", slug);
                return (
                  <span key={slug}>
                    {index > 0 && ", "}
                    <Link href={`/docs/adr/${slug}`} className="text-teal-700 hover:underline dark:text-teal-400">
                      ADR {adr?.frontmatter.number}: {adr?.frontmatter.title}
                    </Link>
                  </span>
                );
              })}
            </p>
          )}
        </section>
      }
    />
  );
}
