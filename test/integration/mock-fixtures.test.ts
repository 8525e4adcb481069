import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import { mockRequest } from "@/lib/try-it/mock/mock-request";
import { collectFiles } from "@/cli/collect-files";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { prepareDocument } from "@/lib/openapi/prepare-document";
import { fixturesDir, hasFixtures, singleFileFixtures } from "../support/fixtures";
import { responseValidator } from "../support/response-validator";

type Json = Record<string, unknown>;

/** The stored form of every document the mock is checked on: the shared fixtures and the demo's own. */
async function storedDocuments(): Promise<{ name: string; document: Json }[]> {
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

const isJson = (mediaType: string) => /^application\/(.+\+)?json\b/.test(mediaType);

describe("the mock's responses validate against their schemas", async () => {
  const documents = await storedDocuments();
  const totals = { operations: 0, covered: 0, responses: 0, valid: 0 };

  it.each(documents.map((entry) => [entry.name, entry] as const))(
    "%s",
    async (_name, { document }) => {
      const operations = buildMockOperations(document);
      const validate = responseValidator(document);
      const failures: string[] = [];
      totals.operations += operations.length;
      for (const operation of operations) {
        const before = totals.responses;
        for (const response of operation.responses) {
          if (!/^2\d\d$/.test(response.code)) continue;
          for (const content of (response.contents ?? []).filter((candidate) => isJson(candidate.mediaType) && candidate.schema)) {
            totals.responses += 1;
            const path = operation.path.replace(/\{[^}]+\}/g, "x1");
            const output = await mockRequest(
              { document, operations },
              { method: operation.method, path, query: {}, headers: { accept: content.mediaType }, body: undefined },
              { code: Number(response.code) },
              { validate: false },
            );
            const problem =
              output.status !== Number(response.code) ? `status ${output.status}` : validate(operation as never, content.schema as Json, output.body);
            if (problem)
              failures.push(`${operation.method.toUpperCase()} ${operation.path} ${response.code} ${content.mediaType} (${output.source}): ${problem}`);
            else totals.valid += 1;
          }
        }
        if (totals.responses > before) totals.covered += 1;
      }
      if (failures.length) console.log(failures.slice(0, 6).join("\n"));
      expect(failures).toEqual([]);
    },
    300_000,
  );

  it("covers every operation (the count is printed for the closing note)", () => {
    console.log(
      `mock coverage: ${documents.length} documents, ${totals.operations} operations, ${totals.covered} with a JSON success response; ${totals.valid}/${totals.responses} such responses valid`,
    );
    expect(totals.valid).toBe(totals.responses);
    expect(totals.operations).toBeGreaterThan(0);
  });
});
