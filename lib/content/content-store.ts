import type { Collection } from "./collections";
import { loadContent, type ContentEntry } from "./load-content";

let cached: ContentEntry[] | undefined;

/** The content, read once per process (it ships with the build and does not change while serving). */
export function allContent(): ContentEntry[] {
  if (!cached || process.env.NODE_ENV === "development") {
    const { entries, problems } = loadContent();
    if (problems.length) throw new Error(`content/ is invalid; run npm run content:check (${problems.length} problems)`);
    cached = entries;
  }
  return cached;
}

/** One collection's entries in reading order: patterns and onboarding by their order, ADRs by number. */
export function listEntries<C extends Collection>(collection: C): ContentEntry<C>[] {
  const entries = allContent().filter((entry): entry is ContentEntry<C> => entry.collection === collection);
  const key = (entry: ContentEntry<C>) => {
    const frontmatter = entry.frontmatter as Record<string, unknown>;
    return Number(frontmatter.order ?? frontmatter.number ?? frontmatter.step ?? 0);
  };
  return entries.sort((a, b) => key(a) - key(b) || a.slug.localeCompare(b.slug));
}

export function findEntry<C extends Collection>(collection: C, slug: string): ContentEntry<C> | undefined {
  return listEntries(collection).find((entry) => entry.slug === slug);
}
