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
interface Pair {
  id: string;
  base: string;
  revision: string;
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
    let withValidity = 0;
    for (const pair of pairs) {
      try {
        const result = await pipelineTasks.diffTexts({ base: read(pair.base), revision: read(pair.revision), limits: defaultIngestLimits });
        const verdict = result.summary.breaking ? "ERR" : result.summary.warning ? "WARN" : "none";
        if (verdict === pair.level) agree += 1;
        else disagree.push(`${pair.id}: oasdiff ${pair.level}, here ${verdict}`);
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
    expect(agree).toBe(pairs.length);
    // Eleven pairs hold documents their official schema refuses; each is compared, not refused.
    expect(withValidity).toBeGreaterThanOrEqual(11);
  }, 120_000);
});
