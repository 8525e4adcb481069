import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { YAML_OPTIONS } from "@/lib/openapi/parse-document";
import { parseYamlFast } from "@/lib/openapi/parse-yaml-fast";
import { fixturesDir, hasFixtures } from "../support/fixtures";

/** Every YAML file under a folder (node_modules and dot-folders left out). */
function yamlFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/i.test(entry.name)) found.push(file);
    }
  };
  walk(folder);
  return found;
}

const repository = path.resolve(import.meta.dirname, "../..");
const corpora = {
  "the shared OpenAPI fixtures (DigitalOcean's 2,907 files among them)": hasFixtures ? yamlFiles(fixturesDir) : [],
  "the shared AsyncAPI fixtures": hasFixtures ? yamlFiles(path.join(fixturesDir, "../asyncapi")) : [],
  "this repository's own YAML (content, rulesets, templates, examples)": ["content", "governance", "templates", "examples", "public"].flatMap((folder) =>
    yamlFiles(path.join(repository, folder)),
  ),
};

describe("the fast YAML path over every real YAML file at hand", () => {
  it.each(Object.entries(corpora))(
    "%s: each file reads as the yaml library reads it, or is left to the library",
    (_name, files) => {
      expect(files.length).toBeGreaterThan(0);
      let fast = 0;
      for (const file of files) {
        const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
        const read = parseYamlFast(text);
        if (!read) continue;
        fast += 1;
        const doc = parseDocument(text, { ...YAML_OPTIONS, logLevel: "silent" });
        expect(doc.errors, file).toEqual([]);
        const expected = doc.toJS({ maxAliasCount: -1 });
        expect(read.data, file).toStrictEqual(expected);
        // Key order too: the stored document is this data written out.
        expect(JSON.stringify(read.data), file).toBe(JSON.stringify(expected));
      }
      console.log(`fast YAML path: ${fast} of ${files.length} files`);
      // Most real files take it; the rest (anchors, `? ` keys, …) are read by the library as before.
      expect(fast).toBeGreaterThan(files.length / 2);
    },
    120_000,
  );
});
