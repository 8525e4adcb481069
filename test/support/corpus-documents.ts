import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readApi } from "@/cli/read-api";
import { parseDocumentText } from "@/lib/openapi/parse-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { fixturesDir, hasFixtures, multiFileFolders, multiFileRoots, singleFileFixtures } from "./fixtures";

type Json = Record<string, unknown>;

/**
 * Every demo document and every fixture document (a multi-file one joined as `wayfinder publish` joins
 * it), each named and read when its test runs: what a feature that reads a contract is tested over.
 */
export function corpusDocuments(): [string, () => Promise<Json>][] {
  const demoDir = path.resolve("prisma/seed/specs");
  const read = (file: string) => parseDocumentText(readFileSync(file, "utf8"), defaultIngestLimits) as Json;
  return [
    ...readdirSync(demoDir)
      .sort()
      .map((file): [string, () => Promise<Json>] => [`demo/${file}`, async () => read(path.join(demoDir, file))]),
    ...(hasFixtures ? singleFileFixtures() : []).map((file): [string, () => Promise<Json>] => [file, async () => read(path.join(fixturesDir, file))]),
    ...(hasFixtures ? multiFileFolders : []).map((folder): [string, () => Promise<Json>] => [
      folder,
      async () => (await readApi(path.join(fixturesDir, folder, multiFileRoots[folder]!), defaultIngestLimits, path.join(fixturesDir, folder))).document,
    ]),
  ];
}
