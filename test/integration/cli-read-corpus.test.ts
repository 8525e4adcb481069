/**
 * The CLI reads a file that refers to no other without bundling it or parsing it twice (to diff,
 * lint, validate and publish it), and lints the parsed document without a text copy (issue 27). Both shortcuts must change nothing: over every
 * demo and fixture document, the document read is the one bundling made, and the findings are the
 * ones linting its text finds.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectFiles, collectParsedFiles } from "@/cli/collect-files";
import { finishedCollected, readApi } from "@/cli/read-api";
import { lintDocument } from "@/lib/lint/lint-document";
import { loadRuleset } from "@/lib/lint/lint-ruleset";
import { RULESET_PATH } from "@/lib/lint/ruleset-text";
import { joinBundle } from "@/lib/openapi/prepare-bundle";
import { finishBundle, finishChangesNothing } from "@/lib/openapi/bundle-document";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { readFile } from "node:fs/promises";
import { fixturesDir, hasFixtures, multiFileFolders, multiFileRoots, singleFileFixtures } from "../support/fixtures";

const demoDir = path.resolve("prisma/seed/specs");
const documents = [
  ...readdirSync(demoDir)
    .sort()
    .map((file) => path.join(demoDir, file)),
  ...(hasFixtures ? singleFileFixtures().map((file) => path.join(fixturesDir, file)) : []),
];

describe("reading one file for the CLI", () => {
  it.each(documents.map((file) => [path.basename(path.dirname(file)) + "/" + path.basename(file), file] as const))(
    "%s: read without bundling, the same document as bundling reads",
    async (_name, file) => {
      const { whole, parsed, bundle } = await collectParsedFiles(file, defaultIngestLimits);
      const wholeShape = parsed.get(bundle.root)?.shape;
      expect(whole).toBeDefined();
      expect(wholeShape).toEqual(inspectDocument(whole, defaultIngestLimits));
      // Where the shape says finishing changes nothing, the reading skips it: it must be so.
      if (finishChangesNothing(wholeShape!)) expect(finishBundle(structuredClone(whole))).toEqual(whole);
      const bundled = await joinBundle(await collectFiles(file, defaultIngestLimits), defaultIngestLimits);
      const read = await readApi(file, defaultIngestLimits);
      expect(read.document).toEqual(bundled);
      // And as validate and publish check it, with the shape the reference check uses.
      const checked = await finishedCollected(await collectParsedFiles(file, defaultIngestLimits), defaultIngestLimits);
      expect(checked.data).toEqual(bundled);
      if (checked.shape) expect(checked.shape).toEqual(inspectDocument(checked.data, defaultIngestLimits));
    },
  );

  it.skipIf(!hasFixtures).each(multiFileFolders)("%s: files parsed while collecting them are bundled as the text would be", async (folder) => {
    const [file, root] = [path.join(fixturesDir, folder, multiFileRoots[folder]!), path.join(fixturesDir, folder)];
    const { whole, bundle } = await collectParsedFiles(file, defaultIngestLimits, root);
    expect(whole).toBeUndefined();
    expect(Object.keys(bundle.files).length).toBeGreaterThan(1);
    const fromText = await joinBundle(await collectFiles(file, defaultIngestLimits, root), defaultIngestLimits);
    const read = await readApi(file, defaultIngestLimits, root);
    expect(read.document).toEqual(fromText);
    expect((await finishedCollected(await collectParsedFiles(file, defaultIngestLimits, root), defaultIngestLimits)).data).toEqual(fromText);
    expect(JSON.stringify(read.document)).not.toMatch(/"\$ref":"(?!#)/);
  });
});

describe("linting the parsed document", async () => {
  const ruleset = await loadRuleset(await readFile(RULESET_PATH, "utf8"));
  it.each(documents.map((file) => [path.basename(path.dirname(file)) + "/" + path.basename(file), file] as const))(
    "%s: the same findings as linting its text",
    async (_name, file) => {
      const { document } = await readApi(file, defaultIngestLimits);
      const fromText = await lintDocument(JSON.stringify(document), ruleset);
      const fromParsed = await lintDocument(document, ruleset);
      expect(fromParsed).toEqual(fromText);
    },
  );
});
