import { describe, expect, it } from "vitest";
import { aliasCycles } from "@/lib/clients/alias-cycles";
import { markdownRewrite } from "@/lib/machine-docs/markdown-rewrite";
import { inlineText, linkTarget } from "@/lib/machine-docs/markdown-text";
import { llmsTxt } from "@/lib/machine-docs/llms-txt";

const at = (path: string) => markdownRewrite(new URL(path, "http://portal.test"));

describe("Markdown addresses", () => {
  it("sends .md and ?format=md of service and doc pages to /md, and nothing else", () => {
    expect(at("/services/payments-api.md")).toBe("/md/services/payments-api");
    expect(at("/services/payments-api.md?version=1.0.0&method=get&path=%2Fp")).toBe("/md/services/payments-api?version=1.0.0&method=get&path=%2Fp");
    expect(at("/services/payments-api?format=md&version=1.0.0")).toBe("/md/services/payments-api?version=1.0.0");
    expect(at("/docs/patterns/pagination.md")).toBe("/md/docs/patterns/pagination");
    expect(at("/docs/adr/0001-x?format=md")).toBe("/md/docs/adr/0001-x");
    for (const other of [
      "/services/payments-api",
      "/services/payments-api/changes.md",
      "/docs/other/x.md",
      "/api/v1/services.md",
      "/services?format=md",
      "/md/services/x",
    ])
      expect(at(other), other).toBeNull();
  });
});

describe("text from documents inside generated Markdown", () => {
  it("stays on one line and cannot open a link, an image or a tag", () => {
    expect(inlineText("a\n# heading [x](javascript:alert(1)) <img src=x onerror=alert(1)> `code` | cell")).toBe(
      "a # heading \\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\`code\\` \\| cell",
    );
    expect(linkTarget("https://x.test/a b)c")).toBe("https://x.test/a%20b%29c");
  });

  it("keeps llms.txt's structure whatever a service is called", () => {
    const text = llmsTxt(
      "http://portal.test",
      [
        {
          slug: "x",
          name: "Evil](http://evil.test) \n## Injected",
          description: "line\n- [fake](http://evil.test)",
          lifecycle: "production",
          owner: null,
          http: null,
          event: null,
        },
      ],
      [],
    );
    expect(text.split("\n").filter((line) => line.startsWith("## "))).toEqual(["## Services", "## Optional"]);
    expect(text).toContain("- [Evil\\](http://evil.test) ## Injected](http://portal.test/services/x.md): production; line - \\[fake\\](http://evil.test)");
  });
});

describe("cycles of schemas TypeScript cannot write", () => {
  it("finds cycles through unions and arrays, not through objects", () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const document = {
      components: {
        schemas: {
          Tree: { type: "object", properties: { children: { type: "array", items: ref("Tree") } } },
          A: { oneOf: [ref("B"), { type: "string" }] },
          B: { type: "array", items: ref("A") },
          Self: { anyOf: [ref("Self"), { type: "integer" }] },
          C: { allOf: [ref("Tree")] },
        },
      },
    };
    expect([...aliasCycles(document)].sort()).toEqual(["A", "B", "Self"]);
  });
});
