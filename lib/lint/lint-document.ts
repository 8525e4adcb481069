import { BaseResolver, lintDocument as lintWithRedocly, makeDocumentFromString, Source } from "@redocly/openapi-core";
import { HTTP_METHODS } from "./house-rules/house-rule";
import { housePattern } from "./house-plugin";
import type { Ruleset } from "./lint-ruleset";

export type LintSeverity = "error" | "warn";

/** One finding: which rule, how bad, what, where (a JSON pointer, and the operation it is in) and why. */
export interface LintFinding {
  ruleId: string;
  severity: LintSeverity;
  message: string;
  /** JSON pointer into the stored document, e.g. `/paths/~1orders/post/responses/400`. */
  pointer: string;
  operation: { method: string; path: string } | null;
  /** The pattern (a house rule) or the rule's documentation. */
  link: string | null;
}

export interface LintResult {
  errorCount: number;
  warnCount: number;
  /** Findings per rule id, all of them, even past the stored cap. */
  byRule: Record<string, number>;
  /** The first MAX_FINDINGS findings, errors first. */
  findings: LintFinding[];
  truncated: boolean;
}

/** What is stored per version: a hostile document could otherwise make millions of findings. */
export const MAX_FINDINGS = 2000;

const unescapePointer = (segment: string) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");

/** The operation a pointer is inside, if any: `/paths/{path}/{method}/…`. */
export function operationAt(pointer: string): LintFinding["operation"] {
  const [first, path, method] = pointer.replace(/^#?\//, "").split("/");
  if (first !== "paths" || path === undefined || method === undefined || !HTTP_METHODS.has(method)) return null;
  return { method, path: unescapePointer(path) };
}

function linkFor(ruleId: string, reference: string | undefined): string | null {
  const pattern = housePattern(ruleId);
  if (pattern) return pattern;
  if (reference) return reference;
  return ruleId.includes("/") ? null : `https://redocly.com/docs/cli/rules/oas/${ruleId}`;
}

const DOCUMENT_REF = "/document.json";

/**
 * Lints a document against the ruleset: its text (JSON or YAML), or the document already parsed (the
 * CLI has it: a second copy made by stringifying and parsing again cost Stripe's lint a fifth of its
 * time and most of its extra memory). Findings are located by pointer, so the parsed form needs no text.
 * Run it through lintIsolated for documents from outside.
 */
export async function lintDocument(input: string | Record<string, unknown>, ruleset: Ruleset): Promise<LintResult> {
  const document = typeof input === "string" ? makeDocumentFromString(input, DOCUMENT_REF) : { source: new Source(DOCUMENT_REF, ""), parsed: input };
  const problems = await lintWithRedocly({ document, config: ruleset.config, externalRefResolver: new BaseResolver(ruleset.config.resolve) });
  const byRule: Record<string, number> = {};
  let errorCount = 0;
  let warnCount = 0;
  const findings: LintFinding[] = [];
  for (const problem of problems) {
    if (problem.ignored) continue;
    byRule[problem.ruleId] = (byRule[problem.ruleId] ?? 0) + 1;
    if (problem.severity === "error") errorCount += 1;
    else warnCount += 1;
    const location = problem.location[0];
    const pointer = location && "pointer" in location && location.pointer ? location.pointer.replace(/^#/, "") : "";
    findings.push({
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      pointer,
      operation: operationAt(pointer),
      link: linkFor(problem.ruleId, problem.reference),
    });
  }
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return { errorCount, warnCount, byRule, findings: findings.slice(0, MAX_FINDINGS), truncated: findings.length > MAX_FINDINGS };
}
