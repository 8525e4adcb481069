import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The shared real-world API descriptions (never copied into this repository). */
export const fixturesDir = path.resolve(process.env.WAYFINDER_FIXTURES ?? path.join(import.meta.dirname, "../../../shared/fixtures/openapi"));
export const hasFixtures = existsSync(fixturesDir);

/** Folders that hold one document split across files by relative $refs; ingesting them needs bundling. */
export const multiFileFolders = ["digitalocean", "oai-examples/v2.0/json/petstore-separate", "oai-examples/v2.0/yaml/petstore-separate"];

/** The root file of each multi-file folder, relative to the folder. */
export const multiFileRoots: Record<string, string> = {
  digitalocean: "specification/DigitalOcean-public.v2.yaml",
  "oai-examples/v2.0/json/petstore-separate": "spec/swagger.json",
  "oai-examples/v2.0/yaml/petstore-separate": "spec/swagger.yaml",
};

/** Every single-file document under the fixtures folder, as paths relative to it. */
export function singleFileFixtures(): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    if (multiFileFolders.includes(relative)) return;
    for (const entry of readdirSync(path.join(fixturesDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (/\.(json|ya?ml)$/.test(entry.name)) found.push(child);
    }
  };
  walk("");
  return found.sort();
}
