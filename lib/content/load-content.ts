import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { collections, frontmatterSchemas, type Collection, type Frontmatter } from "./collections";

export interface ContentEntry<C extends Collection = Collection> {
  collection: C;
  slug: string;
  /** Path relative to the content folder, e.g. `adr/0003-use-postgresql.mdx`. */
  file: string;
  frontmatter: Frontmatter<C>;
  /** The MDX after the frontmatter. */
  body: string;
}

/** A content file that does not follow its collection's rules: which file, which field, what was expected. */
export interface ContentProblem {
  file: string;
  field?: string;
  message: string;
}

export const defaultContentDir = path.join(/* turbopackIgnore: true */ process.cwd(), "content");

function splitFrontmatter(text: string): { data: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return match ? { data: match[1]!, body: match[2]! } : null;
}

const describeIssue = (issue: z.core.$ZodIssue) => issue.message;

/** Reads every collection's MDX files and checks each frontmatter; returns the entries and the problems. */
export function loadContent(dir = defaultContentDir): { entries: ContentEntry[]; problems: ContentProblem[] } {
  const entries: ContentEntry[] = [];
  const problems: ContentProblem[] = [];
  for (const collection of collections) {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(dir, collection)).filter((file) => file.endsWith(".mdx")).sort();
    } catch {
      continue;
    }
    for (const name of files) {
      const file = `${collection}/${name}`;
      const slug = name.replace(/\.mdx$/, "");
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) problems.push({ file, message: "the file name must be a slug (lower-case words joined by hyphens)" });
      const parts = splitFrontmatter(readFileSync(path.join(dir, file), "utf8"));
      if (!parts) {
        problems.push({ file, message: "it must start with frontmatter between --- lines" });
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(parts.data, { schema: "core" });
      } catch (error) {
        problems.push({ file, message: `the frontmatter is not valid YAML: ${(error as Error).message.split("\n")[0]}` });
        continue;
      }
      const parsed = frontmatterSchemas[collection].safeParse(data ?? {});
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.join(".") || undefined, message: describeIssue(issue) });
        continue;
      }
      entries.push({ collection, slug, file, frontmatter: parsed.data, body: parts.body } as ContentEntry);
    }
  }
  return { entries, problems };
}

export function formatProblem(problem: ContentProblem): string {
  return `content/${problem.file}${problem.field ? ` (${problem.field})` : ""}: ${problem.message}`;
}
