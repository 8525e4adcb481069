import GithubSlugger from "github-slugger";

export interface Heading {
  depth: 2 | 3;
  text: string;
  /** The id rehype-slug gives the heading (the same slugger). */
  id: string;
}

/** The `##` and `###` headings of an MDX body (outside code blocks), for a table of contents. */
export function extractHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  let inFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const text = match[2]!.replace(/`/g, "").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
    const id = slugger.slug(text);
    if (match[1]!.length === 2 || match[1]!.length === 3) headings.push({ depth: match[1]!.length as 2 | 3, text, id });
  }
  return headings;
}
