import { describe, expect, it } from "vitest";
import { formatLint } from "@/cli/lint-command";
import { formatChanges } from "@/lib/diff/format-changes";
import type { Change, DiffResult } from "@/lib/diff/diff-types";
import type { LintResult } from "@/lib/lint/lint-document";

/** GitHub stops a pull-request comment at 65,536 characters. */
const GITHUB_COMMENT_LIMIT = 65_536;

const change = (level: Change["level"], i: number, id: string): Change => ({
  id,
  level,
  operation: `GET /v1/resources${i}/{id}/sub-resources`,
  pointer: { base: `/paths/~1v1~1resources${i}/get` },
  message: `the ${level} change number ${i}, described in one line as the engine does, with a little more text`,
});

describe("a check's Markdown for a pull-request comment", () => {
  // A real API's check printed 84,047 characters: 520 lint warnings and hundreds of changes, one row each.
  const diff: DiffResult = {
    changes: [
      ...Array.from({ length: 30 }, (_, i) => change("breaking", i, "endpoint-removed")),
      ...Array.from({ length: 600 }, (_, i) => change("warning", i, i % 2 ? "response-property-enum-value-added" : "request-parameter-enum-value-removed")),
      ...Array.from({ length: 370 }, (_, i) => change("info", i, "endpoint-added")),
    ],
    summary: { breaking: 30, warning: 600, info: 1370 },
    omitted: { breaking: 0, warning: 0, info: 1000 },
  };
  const lint: LintResult = {
    errorCount: 3,
    warnCount: 520,
    byRule: {},
    truncated: false,
    findings: [
      ...Array.from({ length: 3 }, (_, i) => ({
        ruleId: "operation-operationId",
        severity: "error" as const,
        message: `missing operationId ${i}`,
        pointer: "",
        operation: null,
      })),
      ...Array.from({ length: 520 }, (_, i) => ({
        ruleId: i % 3 ? "operation-4xx-response" : "tag-description",
        severity: "warn" as const,
        message: `finding ${i}: the operation should say what happens when the request is wrong`,
        pointer: `/paths/~1v1~1things${i}/get`,
        operation: { method: "get", path: `/v1/things${i}` },
      })),
    ] as unknown as LintResult["findings"],
  };

  const markdown = `${formatChanges(diff, "markdown", "payments-api 1.0.0 → openapi.yaml", { link: "https://wayfinder.example/services/payments-api/changes" })}\n\n${formatLint(lint, "markdown", "openapi.yaml")}`;

  it("fits in one comment, well under the limit", () => {
    console.log(`Markdown for 2,000 changes and 523 findings: ${markdown.length} characters`);
    expect(markdown.length).toBeLessThan(GITHUB_COMMENT_LIMIT - 5_000);
  });

  it("lists every breaking change and every lint error in full, and links to the portal for the rest", () => {
    for (let i = 0; i < 30; i += 1) expect(markdown).toContain(`| GET /v1/resources${i}/{id}/sub-resources | the breaking change number ${i},`);
    for (let i = 0; i < 3; i += 1) expect(markdown).toContain(`missing operationId ${i}`);
    expect(markdown).toContain("Every change, with before and after: https://wayfinder.example/services/payments-api/changes");
  });

  it("counts the rest per rule, collapsed, saying how many are not listed", () => {
    expect(markdown).toContain("<details><summary><strong>Potentially breaking</strong> (600)</summary>");
    expect(markdown).toContain("| `request-parameter-enum-value-removed` | 300 |");
    expect(markdown).toContain("| `operation-4xx-response (warn)` | 346 |");
    expect(markdown).toMatch(/…and \d+ more, in the portal\./);
    expect(markdown).toMatch(/<strong>Warnings<\/strong> \(520\)[\s\S]*…and \d+ more\./);
  });
});
