import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoCatalogue } from "@/lib/content/demo-catalogue";
import { formatProblem, loadContent } from "@/lib/content/load-content";
import { supersessionChain } from "@/lib/content/supersession-chain";
import { validateLinks } from "@/lib/content/validate-content";

const catalogue = demoCatalogue();
const problemsIn = (dir: string) => {
  const { entries, problems } = loadContent(dir);
  return [...problems, ...validateLinks(entries, catalogue)].map(formatProblem);
};

describe("the content in content/", () => {
  it("is valid, and has what the portal promises", () => {
    const { entries, problems } = loadContent();
    expect([...problems, ...validateLinks(entries, catalogue)].map(formatProblem)).toEqual([]);
    const count = (collection: string) => entries.filter((entry) => entry.collection === collection).length;
    expect(count("patterns")).toBeGreaterThanOrEqual(8);
    expect(count("adr")).toBeGreaterThanOrEqual(6);
    expect(count("onboarding")).toBeGreaterThanOrEqual(6);
    const adrs = entries.filter((entry) => entry.collection === "adr") as never[];
    expect(adrs.some((adr: { frontmatter: { status: string } }) => adr.frontmatter.status === "superseded")).toBe(true);
  });

  it("follows a supersession chain both ways", () => {
    const adrs = loadContent().entries.filter((entry) => entry.collection === "adr") as Parameters<typeof supersessionChain>[1];
    const old = adrs.find((adr) => adr.slug === "0003-errors-as-rfc-7807")!;
    const current = adrs.find((adr) => adr.slug === "0007-errors-as-rfc-9457")!;
    expect(supersessionChain(old, adrs).map((adr) => adr.frontmatter.number)).toEqual([3, 7]);
    expect(supersessionChain(current, adrs).map((adr) => adr.frontmatter.number)).toEqual([3, 7]);
  });
});

describe("broken content is reported with its file, field and what was expected", () => {
  let dir: string;
  const fresh = () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-content-"));
    cpSync(path.resolve("content"), dir, { recursive: true });
    return dir;
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("names a missing field and a wrong type", () => {
    fresh();
    writeFileSync(path.join(dir, "adr/0099-broken.mdx"), "---\nnumber: ninety-nine\ntitle: Broken\nstatus: decided\ndate: 2025-13-45\n---\nBody\n");
    const problems = problemsIn(dir);
    expect(problems).toContain("content/adr/0099-broken.mdx (number): Invalid input: expected number, received string");
    expect(problems.some((problem) => problem.startsWith("content/adr/0099-broken.mdx (status): Invalid option: expected one of"))).toBe(true);
    expect(problems).toContain("content/adr/0099-broken.mdx (date): must be a date written YYYY-MM-DD");
    expect(problems.some((problem) => problem.startsWith("content/adr/0099-broken.mdx (deciders):"))).toBe(true);
  });

  it("names unknown fields, missing frontmatter and bad file names", () => {
    fresh();
    writeFileSync(path.join(dir, "guides/no-frontmatter.mdx"), "# Just a heading\n");
    writeFileSync(path.join(dir, "guides/Bad_Name.mdx"), "---\ntitle: T\nsummary: S\nauthor: me\n---\n");
    const problems = problemsIn(dir);
    expect(problems).toContain("content/guides/no-frontmatter.mdx: it must start with frontmatter between --- lines");
    expect(problems).toContain("content/guides/Bad_Name.mdx: the file name must be a slug (lower-case words joined by hyphens)");
    expect(problems.some((problem) => problem.startsWith("content/guides/Bad_Name.mdx: Unrecognized key") && problem.includes("author"))).toBe(true);
  });

  it("names supersession links that point nowhere or only one way", () => {
    fresh();
    writeFileSync(
      path.join(dir, "adr/0098-dangling.mdx"),
      '---\nnumber: 98\ntitle: Dangling\nstatus: superseded\ndate: "2025-01-01"\ndeciders: [me]\nsuperseded-by: 0097-missing\n---\n',
    );
    writeFileSync(
      path.join(dir, "adr/0096-one-way.mdx"),
      '---\nnumber: 96\ntitle: One way\nstatus: accepted\ndate: "2025-01-01"\ndeciders: [me]\nsupersedes: 0001-record-architecture-decisions\n---\n',
    );
    const problems = problemsIn(dir);
    expect(problems).toContain('content/adr/0098-dangling.mdx (superseded-by): no ADR "0097-missing" exists');
    expect(problems).toContain('content/adr/0096-one-way.mdx (supersedes): ADR "0001-record-architecture-decisions" must say superseded-by: 0096-one-way');
  });

  it("names catalogue components and links whose target does not exist", () => {
    fresh();
    writeFileSync(
      path.join(dir, "guides/links.mdx"),
      '---\ntitle: Links\nsummary: S\n---\n<Service slug="no-such-service" />\n<Operation service="payments-api" operationId="launchRocket" />\nSee [this](/docs/patterns/no-such-pattern) and [that](/services/ghost-api).\n',
    );
    const problems = problemsIn(dir);
    expect(problems).toContain('content/guides/links.mdx: <Service slug="no-such-service" /> names no demo service');
    expect(problems).toContain(
      'content/guides/links.mdx: <Operation service="payments-api" operationId="launchRocket" />: service "payments-api" has no operation "launchRocket"',
    );
    expect(problems).toContain("content/guides/links.mdx: the link /docs/patterns/no-such-pattern leads nowhere");
    expect(problems).toContain("content/guides/links.mdx: the link /services/ghost-api leads nowhere");
  });
});

describe("docs search", () => {
  it("finds patterns, ADRs and guides by their words, and marks the matches", async () => {
    const { searchDocs } = await import("@/lib/content/search-docs");
    const hits = searchDocs("cursor");
    // The pattern and the decision about cursors, whichever ranks first.
    expect(new Set(hits.slice(0, 2).map((hit) => hit.url))).toEqual(new Set(["/docs/patterns/pagination", "/docs/adr/0006-cursor-pagination"]));
    expect(hits[0]!.snippet.some((piece) => piece.match && /^cursor/i.test(piece.text))).toBe(true);
    expect(searchDocs("supersede").map((hit) => hit.url)).toContain("/docs/guides/writing-an-adr");
    expect(searchDocs("   ")).toEqual([]);
  });

  it("shows prose in snippets, never a code fence's meta", async () => {
    const { searchDocs } = await import("@/lib/content/search-docs");
    const hits = ["openapi", "problem", "idempotency", "migrations"].flatMap((query) => searchDocs(query));
    expect(hits.length).toBeGreaterThan(3);
    for (const hit of hits) expect(hit.snippet.map((piece) => piece.text).join(""), hit.url).not.toMatch(/title=|```/);
  });
});
