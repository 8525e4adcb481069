import type { ContentEntry } from "./load-content";

/**
 * The ADRs an ADR belongs with, oldest first: those it supersedes (and they, theirs) and those that
 * supersede it, following the links both ways. Stops on a loop, should one slip past the checks.
 */
export function supersessionChain(adr: ContentEntry<"adr">, all: ContentEntry<"adr">[]): ContentEntry<"adr">[] {
  const bySlug = new Map(all.map((entry) => [entry.slug, entry]));
  const chain = [adr];
  const seen = new Set([adr.slug]);
  for (let older = adr.frontmatter.supersedes; older && !seen.has(older) && bySlug.has(older); older = bySlug.get(older)!.frontmatter.supersedes) {
    seen.add(older);
    chain.unshift(bySlug.get(older)!);
  }
  for (let newer = adr.frontmatter["superseded-by"]; newer && !seen.has(newer) && bySlug.has(newer); newer = bySlug.get(newer)!.frontmatter["superseded-by"]) {
    seen.add(newer);
    chain.push(bySlug.get(newer)!);
  }
  return chain;
}
