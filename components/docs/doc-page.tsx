import type { ReactNode } from "react";
import { extractHeadings } from "@/lib/content/extract-headings";
import { MdxContent } from "./mdx-content";
import { TableOfContents } from "./table-of-contents";
import { env } from "@/lib/platform/env";

/** An entry's page: its header, the rendered body, a table of contents, and "Edit this page". */
export function DocPage({ title, file, body, header, footer }: { title: string; file: string; body: string; header?: ReactNode; footer?: ReactNode }) {
  const repo = env().WAYFINDER_CONTENT_REPO_URL?.replace(/\/$/, "");
  return (
    <div className="grid gap-8 xl:grid-cols-[1fr_14rem]">
      <article className="min-w-0">
        <h1 className="mb-2 text-3xl font-semibold">{title}</h1>
        {header}
        <MdxContent source={body} />
        {footer}
        {repo && (
          <p className="mt-8 text-sm">
            <a href={`${repo}/content/${file}`} rel="noopener noreferrer" className="text-teal-700 hover:underline dark:text-teal-400">
              Edit this page
            </a>
          </p>
        )}
      </article>
      <div className="hidden xl:block">
        <div className="sticky top-4">
          <TableOfContents headings={extractHeadings(body)} />
        </div>
      </div>
    </div>
  );
}
