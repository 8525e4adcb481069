import MiniSearch from "minisearch";
import { entryUrl, type Collection } from "./collections";
import { allContent } from "./content-store";

interface Indexed {
  id: string;
  collection: Collection;
  title: string;
  summary: string;
  text: string;
  url: string;
}

/** A piece of a result's text; `match` pieces are the searched words, for highlighting. */
export interface Snippet {
  text: string;
  match: boolean;
}

export interface DocsHit {
  collection: Collection;
  title: string;
  url: string;
  snippet: Snippet[];
}

/** MDX to searchable prose: no frontmatter, tags, import lines or markup punctuation. */
function plainText(body: string): string {
  return body
    // A code fence's whole opening line goes, its meta too (```yaml title="openapi.yaml"), not only the language.
    .replace(/```[^\n]*\n?/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#*_`>|[\]()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

let index: { search: MiniSearch<Indexed>; byId: Map<string, Indexed> } | undefined;

function buildIndex() {
  const documents: Indexed[] = allContent().map((entry) => {
    const frontmatter = entry.frontmatter as { title: string; summary?: string };
    return { id: `${entry.collection}/${entry.slug}`, collection: entry.collection, title: frontmatter.title, summary: frontmatter.summary ?? "", text: plainText(entry.body), url: entryUrl(entry.collection, entry.slug) };
  });
  const search = new MiniSearch<Indexed>({ fields: ["title", "summary", "text"], storeFields: ["id"], searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.15 } });
  search.addAll(documents);
  return { search, byId: new Map(documents.map((document) => [document.id, document])) };
}

/** Cuts a window of text around the first matched word and marks every matched word in it. */
function snippetOf(text: string, terms: string[]): Snippet[] {
  const words = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).filter(Boolean);
  if (!words.length) return [{ text: text.slice(0, 200), match: false }];
  const pattern = new RegExp(`\\b(${words.join("|")})\\w*`, "gi");
  const first = text.search(pattern);
  const start = Math.max(0, first - 80);
  const window = `${start > 0 ? "…" : ""}${text.slice(start, start + 240)}${start + 240 < text.length ? "…" : ""}`;
  const pieces: Snippet[] = [];
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index! > last) pieces.push({ text: window.slice(last, match.index), match: false });
    pieces.push({ text: match[0], match: true });
    last = match.index! + match[0].length;
  }
  if (last < window.length) pieces.push({ text: window.slice(last), match: false });
  return pieces;
}

/** Full-text search over patterns, ADRs, onboarding and guides (MiniSearch, in memory, built once). */
export function searchDocs(query: string, limit = 20): DocsHit[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  index ??= buildIndex();
  return index.search
    .search(trimmed)
    .slice(0, limit)
    .map((result) => {
      const document = index!.byId.get(result.id as string)!;
      return { collection: document.collection, title: document.title, url: document.url, snippet: snippetOf(document.text, result.terms) };
    });
}
