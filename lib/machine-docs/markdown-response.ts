/** Markdown for programs: never rendered by the browser as a page of ours (it is text), revalidated each time. */
export function markdownResponse(markdown: string): Response {
  return new Response(markdown, {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" },
  });
}
