import { describe, expect, it } from "vitest";
import { finishBundle, finishChangesNothing } from "@/lib/openapi/bundle-document";
import { inspectDocument } from "@/lib/openapi/inspect-document";
import { defaultIngestLimits } from "@/lib/platform/limits/ingest-limits";

/** What json-schema-ref-parser leaves: raw pointer text in references, a `properties` map behind a `$ref`. */
const bundled = () => ({
  openapi: "3.0.3",
  info: { title: "T", version: "1" },
  paths: {
    "/keys/{id}": {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  // A map pointing at a map whose own schema points back into a path with braces.
                  properties: { $ref: "#/components/x-maps/Key" },
                  patternProperties: { $ref: "#/components/x-maps/Patterned" },
                },
              },
            },
          },
        },
      },
    },
    "/other": { get: { responses: { "200": { $ref: "#/paths/~1keys~1{id}/get/responses/200" } } } },
  },
  components: {
    "x-maps": {
      Key: { id: { type: "string" }, self: { $ref: "#/paths/~1keys~1{id}/get/responses/200/content/application~1json/schema" } },
      Patterned: { "^x-": { type: "string" } },
      // A map that is itself a reference is not a map to inline.
      Indirect: { $ref: "#/components/x-maps/Key" },
    },
    schemas: { Holder: { type: "object", properties: { $ref: "#/components/x-maps/Indirect" } } },
  },
});

describe("finishBundle", () => {
  it("inlines maps behind a $ref and percent-encodes what a fragment may not hold, inside inlined copies too", () => {
    const done = finishBundle(bundled()) as ReturnType<typeof bundled>;
    const schema = done.paths["/keys/{id}"].get.responses["200"].content["application/json"].schema;
    expect(schema.properties).toEqual({
      id: { type: "string" },
      self: { $ref: "#/paths/~1keys~1%7Bid%7D/get/responses/200/content/application~1json/schema" },
    });
    expect(schema.patternProperties).toEqual({ "^x-": { type: "string" } });
    // A copy, not the same object: the two places can be changed apart.
    expect(schema.properties).not.toBe(done.components["x-maps"].Key);
    expect(done.paths["/other"].get.responses["200"].$ref).toBe("#/paths/~1keys~1%7Bid%7D/get/responses/200");
    expect(done.components["x-maps"].Key.self.$ref).toBe("#/paths/~1keys~1%7Bid%7D/get/responses/200/content/application~1json/schema");
    // The target is a reference itself: left as written.
    expect(done.components.schemas.Holder.properties).toEqual({ $ref: "#/components/x-maps/Indirect" });
  });

  it("changes nothing the second time", () => {
    const once = finishBundle(bundled());
    expect(finishBundle(structuredClone(once))).toEqual(once);
  });

  describe("finishChangesNothing", () => {
    const says = (document: unknown) => finishChangesNothing(inspectDocument(document, defaultIngestLimits));
    const document = (schema: Record<string, unknown>, ref = "#/components/schemas/A") => ({
      openapi: "3.0.3",
      paths: { "/a": { get: { responses: { "200": { $ref: ref } } } } },
      components: { schemas: { A: { type: "object" }, B: schema }, "x-maps": { M: { id: { type: "string" } } } },
    });

    it("knows a document finishing leaves as it is", () => {
      const plain = document({ type: "object", properties: { a: { $ref: "#/components/schemas/A" } } });
      expect(says(plain)).toBe(true);
      expect(finishBundle(structuredClone(plain))).toEqual(plain);
    });

    it.each([
      ["a reference with a character to encode", document({ type: "string" }, "#/paths/~1keys~1{id}/get/responses/200")],
      ["a properties map behind a reference", document({ type: "object", properties: { $ref: "#/components/x-maps/M" } })],
      ["a patternProperties map behind a reference", document({ type: "object", patternProperties: { $ref: "#/components/x-maps/M" } })],
    ])("does not pass %s", (_name, written) => {
      expect(says(written)).toBe(false);
      expect(finishBundle(structuredClone(written))).not.toEqual(written);
    });

    it("counts a map behind a reference even where its target would not be inlined (a reference itself)", () => {
      expect(says(finishBundle(bundled()))).toBe(false);
    });
  });
});
