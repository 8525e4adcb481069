/**
 * The CLI gives the bundler the files it parsed and inspected while collecting them, with the `$ref`s it
 * counted, so the bundler does not walk them again. The limit on references is still the bundle's
 * total: files each within it, together beyond it, are refused as when the bundler counts them itself.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectParsedFiles } from "@/cli/collect-files";
import { joinBundle } from "@/lib/openapi/prepare-bundle";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";

/** A root with three references into a second file, which holds three of its own. */
function twoFiles(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "wayfinder-counts-"));
  const schema = (name: string) => ({ $ref: `schemas.json#/${name}` });
  writeFileSync(
    path.join(folder, "openapi.json"),
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "Counts", version: "1" },
      paths: {},
      components: { schemas: { A: schema("A"), B: schema("B"), C: schema("C") } },
    }),
  );
  writeFileSync(
    path.join(folder, "schemas.json"),
    JSON.stringify({ A: { type: "string" }, B: { $ref: "#/A" }, C: { allOf: [{ $ref: "#/A" }, { $ref: "#/B" }] } }),
  );
  return path.join(folder, "openapi.json");
}

describe("joining files the CLI parsed", () => {
  it("passes on the count of each file's references", async () => {
    const { parsed } = await collectParsedFiles(twoFiles(), defaultIngestLimits);
    expect([...parsed.values()].map((file) => file.shape?.refCount).sort()).toEqual([3, 3]);
  });

  it.each([
    ["parsed by the CLI", true],
    ["parsed by the bundler", false],
  ])("refuses files within the limit each and beyond it together (%s)", async (_name, reuse) => {
    const limits = { ...defaultIngestLimits, maxRefs: 5 };
    const { bundle, parsed } = await collectParsedFiles(twoFiles(), limits);
    await expect(joinBundle(bundle, limits, reuse ? parsed : undefined)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/WAYFINDER_MAX_REFS/),
    });
    // At the limit, it joins.
    const enough = { ...defaultIngestLimits, maxRefs: 6 };
    await expect(joinBundle(bundle, enough, reuse ? parsed : undefined)).resolves.toMatchObject({ info: { title: "Counts" } });
  });
});
