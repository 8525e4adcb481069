import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { collectParsedFiles } from "@/cli/collect-files";
import { resolvePointer } from "@/lib/openapi/json-pointer";
import { joinBundle, prepareBundle } from "@/lib/openapi/prepare-bundle";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";

type Json = Record<string, any>;

const root = (paths: Json, components: Json = {}) => ({
  openapi: "3.0.3",
  info: { title: "Pets", version: "1" },
  paths,
  components,
});
const ok = (schema: Json) => ({ responses: { "200": { description: "ok", content: { "application/json": { schema } } } } });
const join = async (files: Record<string, Json>) =>
  (await joinBundle(
    { root: "openapi.yaml", files: Object.fromEntries(Object.entries(files).map(([name, data]) => [name, stringify(data)])) },
    defaultIngestLimits,
  )) as Json;

/** Every reference-valued mapping of the bundled document, with where it points. */
function mappings(document: Json): { value: string; target: unknown }[] {
  const found: { value: string; target: unknown }[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const discriminator = (node as Json).discriminator;
    if (discriminator?.mapping)
      for (const value of Object.values(discriminator.mapping as Record<string, string>)) found.push({ value, target: resolvePointer(document, value) });
    for (const child of Object.values(node)) walk(child);
  };
  walk(document);
  return found;
}

describe("discriminator mappings across files (bundling)", () => {
  it("points each mapping at the schema its oneOf brought into the bundle, as DigitalOcean's domain records do", async () => {
    const request = {
      oneOf: [{ $ref: "models/records.yml#/record_a" }, { $ref: "models/records.yml#/record_mx" }],
      discriminator: { propertyName: "type", mapping: { A: "models/records.yml#/record_a", MX: "models/records.yml#/record_mx" } },
    };
    const document = await join({
      "openapi.yaml": root({ "/records/{id}": { $ref: "resources/records.yml" } }),
      "resources/records.yml": { post: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], ...ok(request) } },
      "resources/models/records.yml": {
        record_a: { type: "object", properties: { type: { type: "string" }, ip: { type: "string" } } },
        record_mx: { type: "object", properties: { type: { type: "string" }, priority: { type: "integer" } } },
      },
    });
    const schema = document.paths["/records/{id}"].post.responses["200"].content["application/json"].schema;
    expect(schema.discriminator.mapping).toEqual({
      A: "#/paths/~1records~1%7Bid%7D/post/responses/200/content/application~1json/schema/oneOf/0",
      MX: "#/paths/~1records~1%7Bid%7D/post/responses/200/content/application~1json/schema/oneOf/1",
    });
    expect(mappings(document).map(({ target }) => (target as Json).properties)).toEqual([
      { type: { type: "string" }, ip: { type: "string" } },
      { type: { type: "string" }, priority: { type: "integer" } },
    ]);
  });

  it("moves a schema only the mapping names into components/schemas, and the references into it follow", async () => {
    const document = await join({
      "openapi.yaml": root({
        "/pets": { get: ok({ $ref: "schemas/pet.yaml" }) },
        "/cats/meow": { get: ok({ $ref: "schemas/cat.yaml#/allOf/1/properties/meow" }) },
        "/owners": { get: ok({ $ref: "schemas/owner.yaml" }) },
      }),
      "schemas/pet.yaml": {
        type: "object",
        required: ["kind"],
        properties: { kind: { type: "string" } },
        discriminator: { propertyName: "kind", mapping: { cat: "cat.yaml", dog: "./dog.yaml#/Dog" } },
      },
      "schemas/cat.yaml": { allOf: [{ $ref: "pet.yaml" }, { type: "object", properties: { meow: { type: "boolean" } } }] },
      "schemas/dog.yaml": { Dog: { allOf: [{ $ref: "pet.yaml" }, { type: "object", properties: { bark: { type: "boolean" } } }] } },
      // A second discriminator naming the same cat, from another file.
      "schemas/owner.yaml": {
        type: "object",
        properties: { pet: { oneOf: [{ $ref: "cat.yaml" }], discriminator: { propertyName: "kind", mapping: { cat: "cat.yaml" } } } },
      },
    });
    const found = mappings(document);
    expect(found).toHaveLength(3);
    for (const { value, target } of found) {
      expect(value).toMatch(/^#\//);
      expect((target as Json)?.allOf, value).toBeDefined();
    }
    const pet = document.paths["/pets"].get.responses["200"].content["application/json"].schema;
    const cat = resolvePointer(document, pet.discriminator.mapping.cat) as Json;
    expect(cat.allOf[1].properties.meow).toEqual({ type: "boolean" });
    // The reference into the cat's schema found it where it moved to.
    const meow = document.paths["/cats/meow"].get.responses["200"].content["application/json"].schema;
    expect(resolvePointer(document, meow.$ref)).toEqual({ type: "boolean" });
    // No schema stays inside a mapping.
    for (const { value } of found) expect(value).not.toMatch(/\/mapping\//);
    // And the bundled document is a valid contract.
    const prepared = await prepareBundle(
      {
        root: "openapi.yaml",
        files: {
          "openapi.yaml": stringify(root({ "/pets": { get: ok({ $ref: "schemas/pet.yaml" }) } })),
          "schemas/pet.yaml": stringify({ type: "object", discriminator: { propertyName: "kind", mapping: { cat: "cat.yaml" } } }),
          "schemas/cat.yaml": stringify({ allOf: [{ $ref: "pet.yaml" }, { properties: { meow: { type: "boolean" } } }] }),
        },
      },
      defaultIngestLimits,
    );
    const stored = JSON.parse(prepared.json) as Json;
    expect(stored.components.schemas.cat.allOf[1].properties.meow).toEqual({ type: "boolean" });
    expect(stored.paths["/pets"].get.responses["200"].content["application/json"].schema.discriminator.mapping.cat).toBe("#/components/schemas/cat");
  });

  it("follows OpenAPI 3.2's defaultMapping too", async () => {
    const document = await join({
      "openapi.yaml": root({ "/pets": { get: ok({ $ref: "pet.yaml" }) } }),
      "pet.yaml": { oneOf: [{ $ref: "other.yaml" }], discriminator: { propertyName: "kind", defaultMapping: "other.yaml" } },
      "other.yaml": { type: "object", properties: { note: { type: "string" } } },
    });
    const pet = document.paths["/pets"].get.responses["200"].content["application/json"].schema;
    expect(pet.discriminator.defaultMapping).toBe(pet.oneOf[0].$ref ?? "#/paths/~1pets/get/responses/200/content/application~1json/schema/oneOf/0");
    expect(resolvePointer(document, pet.discriminator.defaultMapping)).toEqual({ type: "object", properties: { note: { type: "string" } } });
  });

  it("leaves schema names, absolute URLs, the root's own references, and a file's reference to the root's components as written", async () => {
    const mapping = { byName: "Cat", local: "#/components/schemas/Cat", absolute: "https://schemas.example.com/cat.json" };
    const document = await join({
      "openapi.yaml": root(
        {
          "/pets": { get: ok({ oneOf: [{ $ref: "#/components/schemas/Cat" }], discriminator: { propertyName: "kind", mapping } }) },
          "/more": { get: ok({ $ref: "more.yaml" }) },
        },
        { schemas: { Cat: { type: "object" } } },
      ),
      // `#/components/schemas/Cat` is not in more.yaml: the author means the root's.
      "more.yaml": { oneOf: [{ type: "object" }], discriminator: { propertyName: "kind", mapping } },
    });
    expect(document.paths["/pets"].get.responses["200"].content["application/json"].schema.discriminator.mapping).toEqual(mapping);
    expect(document.paths["/more"].get.responses["200"].content["application/json"].schema.discriminator.mapping).toEqual(mapping);
  });

  it("leaves example data that looks like a discriminator alone", async () => {
    const example = { discriminator: { propertyName: "kind", mapping: { cat: "cat.yaml" } } };
    const document = await join({
      "openapi.yaml": root({ "/pets": { get: ok({ $ref: "pet.yaml" }) } }),
      "pet.yaml": { type: "object", example, properties: { discriminator: { type: "object", default: example.discriminator } } },
    });
    const pet = document.paths["/pets"].get.responses["200"].content["application/json"].schema;
    expect(pet.example).toEqual(example);
    expect(pet.properties.discriminator.default).toEqual(example.discriminator);
  });

  it("the command sends a file only a mapping names, and the portal joins it", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "wayfinder-mapping-"));
    mkdirSync(path.join(folder, "schemas"));
    const files: Record<string, Json> = {
      "openapi.yaml": root({ "/pets": { get: ok({ $ref: "schemas/pet.yaml" }) } }),
      "schemas/pet.yaml": { type: "object", discriminator: { propertyName: "kind", mapping: { cat: "cat.yaml" } } },
      "schemas/cat.yaml": { allOf: [{ $ref: "pet.yaml" }, { properties: { meow: { type: "boolean" } } }] },
    };
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(folder, name), stringify(data));
    const collected = await collectParsedFiles(path.join(folder, "openapi.yaml"), defaultIngestLimits);
    expect(Object.keys(collected.bundle.files).sort()).toEqual(["openapi.yaml", "schemas/cat.yaml", "schemas/pet.yaml"]);
    // A root file whose only other file is named by a mapping is not read as a whole document.
    const alone = await collectParsedFiles(path.join(folder, "schemas/pet.yaml"), defaultIngestLimits, folder);
    expect(alone.whole).toBeUndefined();
    const stored = JSON.parse((await prepareBundle(collected.bundle, defaultIngestLimits)).json) as Json;
    expect(stored.components.schemas.cat.allOf[1].properties.meow).toEqual({ type: "boolean" });
  });

  it("leaves a mapping to a file that is not there as written, as before mappings were joined (a document stored before reads again)", async () => {
    const document = await join({
      "openapi.yaml": root({ "/pets": { get: ok({ $ref: "pet.yaml" }) } }),
      "pet.yaml": { type: "object", discriminator: { propertyName: "kind", mapping: { cat: "cat.yaml", dog: "dog.yaml" } } },
      "dog.yaml": { type: "object", properties: { bark: { type: "boolean" } } },
    });
    const pet = document.paths["/pets"].get.responses["200"].content["application/json"].schema;
    expect(pet.discriminator.mapping).toEqual({ cat: "cat.yaml", dog: "#/components/schemas/dog" });
    // The command reads such a document (one the portal stored before this, say) instead of refusing it.
    const folder = mkdtempSync(path.join(os.tmpdir(), "wayfinder-mapping-"));
    writeFileSync(path.join(folder, "openapi.json"), JSON.stringify(root({ "/pets": { get: ok(pet) } })));
    const collected = await collectParsedFiles(path.join(folder, "openapi.json"), defaultIngestLimits);
    expect(Object.keys(collected.bundle.files)).toEqual(["openapi.json"]);
    expect(collected.whole).toBeDefined();
  });
});
