/**
 * The 83 base/revision pairs labelled with what oasdiff (the reference breaking-change checker)
 * reports, from ../shared/fixtures/oasdiff-pairs/, through the same path as `wayfinder diff`: each pair
 * is compared or refused with a clear error (never a crash), every readable document compared with
 * itself gives no change, and every verdict (breaking, potentially breaking, none) agrees with oasdiff's.
 * Reading is lenient: a document its schema calls invalid (a response without `description`, an OAuth
 * flow without `scopes`) is still compared, its problems listed once in `validity`; only a document that
 * cannot be read at all is refused. Deliberate differences would be listed in docs/diff-rules.md.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/platform/errors";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { pipelineTasks } from "@/lib/pipeline/pipeline-tasks";
import { fixturesDir } from "../support/fixtures";

const pairsDir = path.resolve(fixturesDir, "../oasdiff-pairs");
/**
 * Where a pair pins oasdiff's rule ids, each must be reported: under the same id, or under the
 * Wayfinder id below. These differ by name only (the level and meaning agree; docs/diff-rules.md,
 * "Against oasdiff"): Wayfinder names a schema change by place and change, one id for a value, a length
 * or a count (`…-min-increased`), says `endpoint-…` for an operation, and does not split a rule by
 * whether a default exists, whether an enum is new or narrowed, or oneOf from anyOf.
 */
const SAME_RULE: Record<string, string> = {
  "api-path-removed-without-deprecation": "endpoint-removed",
  "api-path-removed-before-sunset": "endpoint-removed-before-sunset",
  "api-removed-before-sunset": "endpoint-removed-before-sunset",
  "optional-response-header-removed": "response-optional-header-removed",
  "response-required-property-added": "response-property-added",
  "request-body-became-enum": "request-body-enum-value-removed",
  "request-property-became-enum": "request-property-enum-value-removed",
  "request-parameter-became-enum": "request-parameter-enum-value-removed",
  "request-header-property-became-enum": "request-parameter-property-enum-value-removed",
  "request-property-became-required-with-default": "request-property-became-required",
  "new-required-request-property-with-default": "new-required-request-property",
  "request-body-any-of-removed": "request-body-one-of-removed",
  "request-property-any-of-removed": "request-property-one-of-removed",
  "request-parameter-max-items-decreased": "request-parameter-max-decreased",
  "request-parameter-max-length-decreased": "request-parameter-max-decreased",
  "request-parameter-min-length-increased": "request-parameter-min-increased",
  "request-property-min-length-increased": "request-property-min-increased",
};

interface Pair {
  id: string;
  base: string;
  revision: string;
  /** The rule ids oasdiff's test asserts (not always all it reports). */
  ruleIds: string[];
  /** oasdiff's level: ERR (breaking), WARN (potentially breaking) or none. */
  level: "ERR" | "WARN" | "none";
}

describe.runIf(existsSync(pairsDir))("oasdiff's labelled pairs", () => {
  it("are each compared or refused with a clear error, and the verdicts agreeing with oasdiff are counted", async () => {
    const pairs = JSON.parse(readFileSync(path.join(pairsDir, "pairs.json"), "utf8")) as Pair[];
    const read = (file: string) => readFileSync(path.join(pairsDir, file), "utf8");
    let agree = 0;
    const refused: string[] = [];
    const disagree: string[] = [];
    const unnamed: string[] = [];
    let withValidity = 0;
    for (const pair of pairs) {
      try {
        const result = await pipelineTasks.diffTexts({ base: read(pair.base), revision: read(pair.revision), limits: defaultIngestLimits });
        const verdict = result.summary.breaking ? "ERR" : result.summary.warning ? "WARN" : "none";
        if (verdict === pair.level) agree += 1;
        else disagree.push(`${pair.id}: oasdiff ${pair.level}, here ${verdict}`);
        const reported = new Set(result.changes.map((change) => change.id));
        for (const id of pair.ruleIds) if (!reported.has(id) && !reported.has(SAME_RULE[id] ?? id)) unnamed.push(`${pair.id}: ${id}`);
        if (result.validity?.length) {
          withValidity += 1;
          expect(result.validity.every((problem) => ["base", "revision"].includes(problem.document) && problem.message)).toBe(true);
        }
        const self = await pipelineTasks.diffTexts({ base: read(pair.revision), revision: read(pair.revision), limits: defaultIngestLimits });
        expect(self.changes, `${pair.id} against itself`).toEqual([]);
      } catch (error) {
        // A refusal names the document and the problem; anything else is a defect.
        expect(isAppError(error), `${pair.id}: ${(error as Error).message}`).toBe(true);
        expect((error as Error).message).toMatch(/^The (base|revision) document: /);
        refused.push(pair.id);
      }
    }
    console.log(
      `oasdiff pairs: ${pairs.length}, verdict agrees with oasdiff on ${agree}, refused ${refused.length} (${refused.join(", ")}), compared despite schema problems ${withValidity}`,
    );
    expect(pairs.length).toBe(83);
    expect(refused).toEqual([]);
    expect(disagree).toEqual([]);
    expect(unnamed).toEqual([]);
    expect(agree).toBe(pairs.length);
    // Eleven pairs hold documents their official schema refuses; each is compared, not refused.
    expect(withValidity).toBeGreaterThanOrEqual(11);
  }, 120_000);
});
