import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { collectFiles } from "@/cli/collect-files";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { prepareDocument } from "@/lib/openapi/prepare-document";
import { fixturesDir, hasFixtures, singleFileFixtures } from "./fixtures";

type Json = Record<string, unknown>;

/** The stored form of every document the mock is checked on: the shared fixtures and the demo's own. */
export async function storedDocuments(): Promise<{ name: string; document: Json }[]> {
  const demoDir = path.resolve("prisma/seed/specs");
  const documents: { name: string; json: string }[] = [];
  for (const file of readdirSync(demoDir).sort())
    documents.push({ name: `demo/${file}`, json: (await prepareDocument(readFileSync(path.join(demoDir, file), "utf8"))).json });
  if (hasFixtures) {
    for (const file of singleFileFixtures())
      documents.push({ name: file, json: (await prepareDocument(readFileSync(path.join(fixturesDir, file), "utf8"))).json });
    const root = path.join(fixturesDir, "digitalocean/specification/DigitalOcean-public.v2.yaml");
    const bundle = await collectFiles(root, defaultIngestLimits, path.join(fixturesDir, "digitalocean"));
    documents.push({ name: "digitalocean", json: (await prepareBundle(bundle, defaultIngestLimits)).json });
  }
  return documents.map(({ name, json }) => ({ name, document: JSON.parse(json) as Json }));
}
