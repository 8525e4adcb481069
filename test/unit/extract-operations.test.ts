import { describe, expect, it } from "vitest";
import { extractOperations } from "@/lib/openapi/extract-operations";

describe("extractOperations", () => {
  it("lists each method of each path in document order with its metadata", () => {
    const operations = extractOperations({
      paths: {
        "/pets": {
          summary: "not an operation",
          parameters: [{ name: "x", in: "query" }],
          get: { operationId: "listPets", summary: "List pets", tags: ["pets"] },
          post: { operationId: "createPet", deprecated: true, "x-sunset": "2027-03-01" },
        },
        "/pets/{id}": { delete: { tags: ["pets", 7] } },
      },
    });
    expect(operations).toEqual([
      { method: "get", path: "/pets", operationId: "listPets", summary: "List pets", tags: ["pets"], deprecated: false, sunset: null },
      { method: "post", path: "/pets", operationId: "createPet", summary: "", tags: [], deprecated: true, sunset: new Date("2027-03-01T00:00:00.000Z") },
      { method: "delete", path: "/pets/{id}", operationId: null, summary: "", tags: ["pets"], deprecated: false, sunset: null },
    ]);
  });

  it("follows a path item given as a local $ref", () => {
    const operations = extractOperations({
      paths: { "/a": { $ref: "#/components/pathItems/A" } },
      components: { pathItems: { A: { get: {}, head: {} } } },
    });
    expect(operations.map((operation) => `${operation.method} ${operation.path}`)).toEqual(["get /a", "head /a"]);
  });

  it("finds nothing where there are no paths (an OpenAPI 3.1 webhooks-only document)", () => {
    expect(extractOperations({ openapi: "3.1.0", webhooks: { a: { post: {} } } })).toEqual([]);
  });

  it("does not follow a $ref to __proto__ or outside the document", () => {
    const operations = extractOperations({ paths: { "/a": { $ref: "#/__proto__" }, "/b": { $ref: "other.yaml#/B" } } });
    expect(operations).toEqual([]);
  });
});
