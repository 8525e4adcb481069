import { describe, expect, it } from "vitest";
import { maskExampleData } from "@/lib/openapi/mask-example-data";

const document = () => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: {
    "/a": {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" }, examples: { one: { summary: "s", value: { id: 1 } } } } },
          },
        },
      },
    },
  },
  components: { schemas: { Thing: { type: "object", properties: { id: { type: "integer" } }, example: { id: 1 } } } },
});

describe("maskExampleData", () => {
  it("gives a document with nothing to rename back as it is, copying nothing", () => {
    const original = document();
    expect(maskExampleData(original)).toBe(original);
  });

  it("copies only the objects on the way to a renamed key, and leaves the document as it was", () => {
    const original = document();
    (original.paths["/a"].get.responses["200"].content["application/json"].examples.one.value as Record<string, unknown>).$id = "data";
    (original.components.schemas.Thing.properties as Record<string, unknown>).$ref = { type: "string" };
    const before = structuredClone(original);
    const masked = maskExampleData(original);
    expect(original).toEqual(before);
    const media = masked.paths["/a"].get.responses["200"].content["application/json"];
    expect(media.examples.one.value).toEqual({ id: 1, "x-data-$id": "data" });
    expect(media.examples.one.summary).toBe("s");
    // The schema the example sits beside, and the info, are the document's own objects.
    expect(media.schema).toBe(original.paths["/a"].get.responses["200"].content["application/json"].schema);
    expect(masked.info).toBe(original.info);
    expect(Object.keys(masked.components.schemas.Thing.properties)).toEqual(["id", "x-name-$ref"]);
    expect(masked.components.schemas.Thing.example).toBe(original.components.schemas.Thing.example);
  });

  it("renames inside arrays of data, keeping the items that need nothing", () => {
    const kept = { plain: true };
    const original = { openapi: "3.1.0", components: { schemas: { S: { examples: [kept, { $ref: "#/x" }] } } } };
    const masked = maskExampleData(original);
    expect(masked.components.schemas.S.examples[0]).toBe(kept);
    expect(masked.components.schemas.S.examples[1]).toEqual({ "x-data-$ref": "#/x" });
    expect(original.components.schemas.S.examples[1]).toEqual({ $ref: "#/x" });
  });
});
