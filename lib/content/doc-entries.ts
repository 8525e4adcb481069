import { notFound } from "@/lib/platform/errors";
import { collections, entryUrl, type Collection } from "./collections";
import { findEntry, listEntries } from "./content-store";
import type { ContentEntry } from "./load-content";

/** A doc as programs see it: where it is, and where its Markdown is. */
export function docSummary(entry: ContentEntry) {
  const frontmatter = entry.frontmatter as { title: string; summary?: string };
  return {
    collection: entry.collection,
    slug: entry.slug,
    title: frontmatter.title,
    summary: frontmatter.summary ?? null,
    url: entryUrl(entry.collection, entry.slug),
    markdownUrl: `/docs/${entry.collection}/${entry.slug}.md`,
  };
}

/** Every doc, collection by collection in reading order. */
export function listDocs() {
  return collections.flatMap((collection) => listEntries(collection).map(docSummary));
}

/** One doc with its source text; NOT_FOUND when there is none. */
export function getDoc(collection: Collection, slug: string) {
  const entry = findEntry(collection, slug);
  if (!entry) throw notFound(`Doc "${collection}/${slug}"`);
  const summary = docSummary(entry);
  return { ...summary, markdown: `# ${summary.title}\n\n${entry.body.trim()}\n` };
}
