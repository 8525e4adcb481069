import { compileMDX } from "next-mdx-remote/rsc";
import type { ReactElement } from "react";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { Callout } from "./callout";
import { OperationRef, ServiceRef } from "./catalogue-refs";
import { inlineTemplateFiles } from "@/lib/content/template-files";
import { CodeBlock } from "./code-block";
import { Tab, Tabs } from "./tabs";

const components = { Callout, Service: ServiceRef, Operation: OperationRef, Tabs, Tab, pre: CodeBlock };

/**
 * Renders an MDX body on the server: GitHub-flavoured Markdown, heading ids and anchors, code
 * highlighted by Shiki (light and dark themes, no client JavaScript), and the portal's components;
 * `<TemplateFile>` shows a file of a template (lib/content/template-files.ts).
 */
export async function MdxContent({ source }: { source: string }) {
  return <div className="docs-prose">{await compiled(source)}</div>;
}

// Content ships with the build, so each body is compiled (and highlighted) once per process. The
// cached tree still renders <Service> and <Operation> afresh on every request, with live data.
const cache = new Map<string, Promise<ReactElement>>();

function compiled(source: string): Promise<ReactElement> {
  if (process.env.NODE_ENV === "development") return compile(source);
  let entry = cache.get(source);
  if (!entry) {
    entry = compile(source);
    entry.catch(() => cache.delete(source));
    cache.set(source, entry);
  }
  return entry;
}

async function compile(source: string): Promise<ReactElement> {
  const { content } = await compileMDX({
    // <TemplateFile> becomes the file's code before compiling, so it is highlighted like any block.
    source: inlineTemplateFiles(source),
    components,
    options: {
      mdxOptions: {
        remarkPlugins: [remarkGfm],
        rehypePlugins: [
          rehypeSlug,
          [rehypeAutolinkHeadings, { behavior: "wrap" }],
          [rehypePrettyCode, { theme: { light: "github-light-high-contrast", dark: "github-dark-default" }, keepBackground: false }],
        ],
      },
    },
  });
  return content;
}
