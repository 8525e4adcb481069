import { compileMDX } from "next-mdx-remote/rsc";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { Callout } from "./callout";
import { OperationRef, ServiceRef } from "./catalogue-refs";
import { CodeBlock } from "./code-block";

const components = { Callout, Service: ServiceRef, Operation: OperationRef, pre: CodeBlock };

/**
 * Renders an MDX body on the server: GitHub-flavoured Markdown, heading ids and anchors, code
 * highlighted by Shiki (light and dark themes, no client JavaScript), and the portal's components.
 */
export async function MdxContent({ source }: { source: string }) {
  const { content } = await compileMDX({
    source,
    components,
    options: {
      mdxOptions: {
        remarkPlugins: [remarkGfm],
        rehypePlugins: [rehypeSlug, [rehypeAutolinkHeadings, { behavior: "wrap" }], [rehypePrettyCode, { theme: { light: "github-light", dark: "github-dark" }, keepBackground: false }]],
      },
    },
  });
  return <div className="docs-prose">{content}</div>;
}
