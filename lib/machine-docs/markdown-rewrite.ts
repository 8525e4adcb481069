/**
 * Where a request for a page's Markdown is served: `/services/{slug}.md` and `/docs/{collection}/{slug}.md`,
 * or the same pages with `?format=md`, go to the routes under /md (proxy.ts rewrites them). Null for
 * every other address.
 */
export function markdownRewrite(url: URL): string | null {
  const wantsMarkdown = url.searchParams.get("format") === "md";
  const match = /^\/(services\/[^/]+|docs\/(?:patterns|adr|onboarding|guides)\/[^/]+)$/.exec(url.pathname);
  if (!match) return null;
  const page = match[1]!;
  if (page.endsWith(".md")) return `/md/${page.slice(0, -3)}${url.search}`;
  if (!wantsMarkdown) return null;
  const search = new URLSearchParams(url.searchParams);
  search.delete("format");
  return `/md/${page}${search.size ? `?${search}` : ""}`;
}
