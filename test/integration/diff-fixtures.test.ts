/**
 * The diff engine on real documents: Stripe at two dates (the operations added and removed, counted
 * here independently, are exactly the engine's endpoint-added / endpoint-removed), and DigitalOcean's
 * 2,900-file specification against itself (no change at all).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectFiles } from "@/cli/collect-files";
import { diffDocuments } from "@/lib/diff/diff-documents";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { fixturesDir, hasFixtures } from "../support/fixtures";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** `METHOD /path` for every operation, path parameters blanked: how two documents' operations line up. */
function operationKeys(document: { paths: Record<string, Record<string, unknown>> }): Set<string> {
  const keys = new Set<string>();
  for (const [route, item] of Object.entries(document.paths))
    for (const method of METHODS) if (item[method]) keys.add(`${method.toUpperCase()} ${route.replace(/\{[^}]*\}/g, "{}")}`);
  return keys;
}

describe.runIf(hasFixtures)("diffs of real API descriptions", () => {
  it("finds exactly the operations Stripe added and removed between 2021-12-17 and 2022-03-25", () => {
    const read = (name: string) =>
      JSON.parse(readFileSync(path.join(fixturesDir, "stripe", name), "utf8")) as { paths: Record<string, Record<string, unknown>> };
    const before = read("spec3.2021-12-17.json");
    const after = read("spec3.2022-03-25.json");
    const [keysBefore, keysAfter] = [operationKeys(before), operationKeys(after)];
    const added = [...keysAfter].filter((key) => !keysBefore.has(key)).sort();
    const removed = [...keysBefore].filter((key) => !keysAfter.has(key)).sort();
    expect(added.length).toBeGreaterThan(0);

    const { changes } = diffDocuments(before, after);
    const blank = (operation: string | undefined) => operation?.replace(/\{[^}]*\}/g, "{}");
    expect(
      changes
        .filter((change) => change.id === "endpoint-added")
        .map((change) => blank(change.operation))
        .sort(),
    ).toEqual(added);
    expect(
      changes
        .filter((change) => change.id.startsWith("endpoint-removed"))
        .map((change) => blank(change.operation))
        .sort(),
    ).toEqual(removed);
  });

  it("finds no change between DigitalOcean's specification and itself", async () => {
    const root = path.join(fixturesDir, "digitalocean/specification/DigitalOcean-public.v2.yaml");
    const prepared = await prepareBundle(await collectFiles(root, defaultIngestLimits), defaultIngestLimits);
    const document = JSON.parse(prepared.json) as Record<string, unknown>;
    expect(diffDocuments(document, structuredClone(document)).changes).toEqual([]);
  }, 60_000);
});
