import { describe, expect, it } from "vitest";
import { validateDocument } from "@/lib/openapi/validate-document";

const minimal = {
  "swagger-2.0": { swagger: "2.0", info: { title: "T", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } } },
  "openapi-3.0": { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } } },
  "openapi-3.1": { openapi: "3.1.0", info: { title: "T", version: "1" }, webhooks: {} },
};

describe("validateDocument", () => {
  it.each(Object.entries(minimal))("accepts a minimal valid %s document", async (_format, document) => {
    expect(await validateDocument(structuredClone(document))).toEqual([]);
  });

  it("points at a missing required field", async () => {
    const document = structuredClone(minimal["openapi-3.0"]) as Record<string, unknown>;
    delete (document.info as Record<string, unknown>).title;
    const problems = await validateDocument(document);
    expect(problems[0]).toMatchObject({ pointer: "/info", message: 'missing required property "title"' });
  });

  it("points into the operation that is wrong", async () => {
    const document = structuredClone(minimal["swagger-2.0"]);
    (document.paths["/a"].get as Record<string, unknown>).responses = { "200": { summary: "no description" } };
    const problems = await validateDocument(document);
    expect(problems.some((problem) => problem.pointer?.startsWith("/paths/~1a/get/responses/200"))).toBe(true);
  });

  it("reports a local $ref that points nowhere", async () => {
    const document = structuredClone(minimal["openapi-3.0"]);
    (document.paths["/a"].get.responses as Record<string, unknown>)["404"] = { $ref: "#/components/responses/Missing" };
    const problems = await validateDocument(document);
    expect(problems.map((problem) => problem.message).join(" ")).toMatch(/Missing/);
  });

  it("treats example and default values as data, even when they contain $id or $ref keys", async () => {
    const data = { $id: "https://example.com/thing", $ref: "#/nowhere", nested: [{ $anchor: "a" }] };
    const media = { "application/json": { schema: { type: "object", default: data, example: data }, examples: { one: { value: data } } } };
    for (const openapi of ["3.0.3", "3.1.0"]) {
      const document = {
        openapi,
        info: { title: "T", version: "1" },
        paths: {
          "/a": { get: { responses: { "200": { description: "ok", content: media } } } },
          "/b": { get: { "x-sample": data, responses: { "200": { description: "ok", content: media } } } },
        },
      };
      expect(await validateDocument(structuredClone(document)), openapi).toEqual([]);
    }
  });

  it("still checks a property that happens to be named example, and an Example Object's $ref", async () => {
    const badProperty = structuredClone(minimal["openapi-3.0"]) as Record<string, unknown>;
    badProperty.components = { schemas: { Thing: { type: "object", properties: { example: { type: "nonsense" } } } } };
    expect((await validateDocument(badProperty)).length).toBeGreaterThan(0);

    const danglingDefault = structuredClone(minimal["openapi-3.0"]);
    (danglingDefault.paths["/a"].get.responses as Record<string, unknown>).default = { $ref: "#/components/responses/Gone" };
    expect((await validateDocument(danglingDefault)).map((problem) => problem.message).join(" ")).toMatch(/Gone/);

    const danglingExample = structuredClone(minimal["openapi-3.0"]);
    (danglingExample.paths["/a"].get.responses as Record<string, unknown>)["200"] = {
      description: "ok",
      content: { "application/json": { examples: { one: { $ref: "#/components/examples/Missing" } } } },
    };
    expect((await validateDocument(danglingExample)).map((problem) => problem.message).join(" ")).toMatch(/Missing/);
  });
});

describe("property names are data, like examples", () => {
  /** Two schemas with properties named like JSON Schema keywords, as a real public API has them. */
  const named = (openapi: string) => ({
    openapi,
    info: { title: "Names", version: "1" },
    paths: {
      "/things": {
        get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } } },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          required: ["$id", "$type"],
          properties: {
            $id: { type: "string" },
            $type: { type: "string" },
            $parent: { type: "string" },
            $ref: { type: "string" },
            $schema: { type: "string" },
          },
          discriminator: { propertyName: "$type", mapping: { $id: "#/components/schemas/Other" } },
        },
        Other: { type: "object", properties: { $id: { type: "string" }, $anchor: { type: "string" }, $defs: { type: "string" } } },
      },
    },
  });

  it.each(["3.0.3", "3.1.0"])("accepts properties named $id, $ref, $schema, $anchor in OpenAPI %s (two of them named $id)", async (openapi) => {
    expect(await validateDocument(named(openapi))).toEqual([]);
  });

  it("still checks the schemas under such names", async () => {
    const document = named("3.0.3");
    (document.components.schemas.Thing.properties.$id as Record<string, unknown>).type = "strng";
    const problems = await validateDocument(document);
    expect(problems.length).toBeGreaterThan(0);
    // The pointer names the property as written (no renamed copy of the document is checked).
    expect(problems[0]!.pointer).toBe("/components/schemas/Thing/properties/$id/type");
  });
});
