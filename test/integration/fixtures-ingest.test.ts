import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { systemActor } from "@/lib/auth/actor";
import type { Database } from "@/lib/platform/db/open-database";
import { prepareDocument } from "@/lib/openapi/prepare-document";
import { createService } from "@/lib/services/create-service";
import { createTeam } from "@/lib/teams/create-team";
import { publishPrepared, publishVersion } from "@/lib/versions/publish-version";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";
import { prepareBundle } from "@/lib/openapi/prepare-bundle";
import { collectFiles } from "@/cli/collect-files";
import { resolvePointer } from "@/lib/openapi/json-pointer";
import { isMappingReference } from "@/lib/openapi/mapping-refs";
import { countOperationsInDocument, countOperationsInFolder } from "../support/count-operations";
import { fixturesDir, hasFixtures, multiFileFolders, multiFileRoots, singleFileFixtures } from "../support/fixtures";
import { testDatabases } from "../support/test-databases";

const actor = systemActor("fixture test");
/** Counts operations the plain way, straight from the text, to check the pipeline's index against. */
function countOperations(file: string, text: string): number {
  return countOperationsInDocument(file.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 }));
}

if (!hasFixtures) console.log(`Skipping the real-world fixture tests: ${fixturesDir} does not exist (set WAYFINDER_FIXTURES to the shared fixtures folder).`);

/** Every discriminator mapping value (and 3.2 defaultMapping) of a document. */
function discriminatorMappings(document: unknown): string[] {
  const found: string[] = [];
  const stack = [document];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    const discriminator = (node as { discriminator?: { mapping?: Record<string, unknown>; defaultMapping?: unknown } }).discriminator;
    if (discriminator && typeof discriminator === "object") {
      for (const value of [...Object.values(discriminator.mapping ?? {}), discriminator.defaultMapping]) if (typeof value === "string") found.push(value);
    }
    stack.push(...Object.values(node));
  }
  return found;
}

describe.runIf(hasFixtures)("real-world API descriptions", () => {
  const files = hasFixtures ? singleFileFixtures() : [];

  it("refuses every AsyncAPI example of the shared fixtures, naming AsyncAPI and where it is published instead", async () => {
    const root = path.join(fixturesDir, "../asyncapi");
    const documents = ["2.6", "3.0"].flatMap((version) =>
      readdirSync(path.join(root, version))
        .filter((file) => /\.(ya?ml|json)$/.test(file))
        .map((file) => path.join(root, version, file)),
    );
    expect(documents.length).toBeGreaterThan(10);
    for (const file of documents)
      await expect(prepareDocument(readFileSync(file, "utf8")), file).rejects.toThrow(/AsyncAPI description: publish it as the service.s event API/);
  });

  it("finds the Stripe, Slack, Twilio, OpenAI, Adyen and OpenAPI Initiative documents", () => {
    for (const prefix of ["stripe/", "slack/", "twilio/", "openai/", "adyen/", "oai-examples/v2.0/", "oai-examples/v3.0/", "oai-examples/v3.1/"]) {
      expect(
        files.some((file) => file.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  describe.each(testDatabases)("parse, validate, index and store on $name", ({ open }) => {
    let db: Database;
    beforeAll(async () => {
      db = await open();
      await createTeam(db.prisma, { actor, input: { slug: "fixtures", name: "Fixtures" } });
    });
    afterAll(async () => db?.close());

    it.each(files)("%s", async (file) => {
      const text = readFileSync(path.join(fixturesDir, file), "utf8");
      const expected = countOperations(file, text);
      const prepared = await prepareDocument(text);
      expect(prepared.operations).toHaveLength(expected);
      // The format the document states (OpenAI's and Adyen's are 3.1, though not in a folder named so).
      const stated = (file.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 })) as { swagger?: string; openapi?: string };
      expect(prepared.format).toBe(stated.swagger ? "swagger-2.0" : stated.openapi?.startsWith("3.1") ? "openapi-3.1" : "openapi-3.0");

      const slug = `fx-${file.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.slice(0, 63).replace(/-+$/, "");
      await createService(db.prisma, { actor, input: { slug, name: file, primaryOwner: "fixtures" } });
      const result = await publishVersion(db.prisma, { actor, serviceSlug: slug, text });
      expect(result.outcome).toBe("created");
      expect(await db.prisma.operation.count({ where: { apiVersion: { service: { slug } } } })).toBe(expected);
    });

    it.each(multiFileFolders)(
      "%s, as a bundle of its files",
      async (folder) => {
        const rootFile = path.join(fixturesDir, folder, multiFileRoots[folder]!);
        const bundle = await collectFiles(rootFile, defaultIngestLimits, path.join(fixturesDir, folder));
        const expected = await countOperationsInFolder(path.dirname(rootFile), path.basename(rootFile));
        const prepared = await prepareBundle(bundle, defaultIngestLimits);
        expect(prepared.operations).toHaveLength(expected);
        // Discriminator mappings name schemas by reference, as $refs do: joined, they point inside the document.
        const stored = JSON.parse(prepared.json) as Record<string, unknown>;
        const references = discriminatorMappings(stored).filter(isMappingReference);
        if (folder === "digitalocean") expect(references.length).toBeGreaterThan(0);
        for (const value of references) expect(resolvePointer(stored, value), `${folder}: ${value}`).toBeDefined();
        const slug = `fx-${folder.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`.slice(0, 63).replace(/-+$/, "");
        await createService(db.prisma, { actor, input: { slug, name: folder, primaryOwner: "fixtures" } });
        const result = await publishPrepared(db.prisma, { actor, serviceSlug: slug, prepared });
        expect(result).toMatchObject({ outcome: "created", operationCount: expected });
      },
      120_000,
    );
  });
});
