import type { Metadata } from "next";
import Link from "@/components/portal-link";
import { collectionTitles } from "@/lib/content/collections";
import { searchDocs } from "@/lib/content/search-docs";

export const metadata: Metadata = { title: "Search the docs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DocsSearchPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  const hits = searchDocs(query);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-semibold">Search the docs</h1>
      {query && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {hits.length} {hits.length === 1 ? "result" : "results"} for “{query}”
        </p>
      )}
      <ol className="space-y-4" aria-label="Results">
        {hits.map((hit) => (
          <li key={hit.url} data-testid="docs-hit">
            <p className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">{collectionTitles[hit.collection]}</p>
            <Link href={hit.url} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
              {hit.title}
            </Link>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {hit.snippet.map((piece, index) =>
                piece.match ? (
                  <mark key={index} className="rounded bg-yellow-200 px-0.5 dark:bg-yellow-700/60">
                    {piece.text}
                  </mark>
                ) : (
                  <span key={index}>{piece.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
      {query && !hits.length && <p>Nothing matches. Try fewer or other words.</p>}
    </div>
  );
}
