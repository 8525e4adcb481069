import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocPage } from "@/components/docs/doc-page";
import { findEntry, listEntries } from "@/lib/content/content-store";

type Params = Promise<{ slug: string }>;

export function generateStaticParams() {
  return listEntries("guides").map((entry) => ({ slug: entry.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: findEntry("guides", (await params).slug)?.frontmatter.title ?? "Guide" };
}

export default async function GuidePage({ params }: { params: Params }) {
  const guide = findEntry("guides", (await params).slug);
  if (!guide) notFound();
  return (
    <DocPage
      title={guide.frontmatter.title}
      file={guide.file}
      body={guide.body}
      header={<p className="mb-6 text-lg text-slate-600 dark:text-slate-400">{guide.frontmatter.summary}</p>}
    />
  );
}
