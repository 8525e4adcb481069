import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { inlineRefs } from "@/lib/openapi/inline-refs";
import { operationSlice, overviewSlice } from "@/lib/openapi/operation-slice";
import { fixturesDir, hasFixtures } from "../support/fixtures";

type Json = Record<string, any>;

/** The `$ref`s left in a value, examples (data, not references) aside. */
const refsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(refsIn)
    : value && typeof value === "object"
      ? Object.entries(value).flatMap(([key, child]) => (key === "$ref" ? [child as string] : key === "example" || key === "examples" ? [] : refsIn(child)))
      : [];

const document: Json = {
  openapi: "3.1.0",
  info: { title: "Shop", version: "1.0.0" },
  servers: [{ url: "https://shop.example/v1" }],
  security: [{ key: [] }],
  tags: [{ name: "orders", description: "Orders" }, { name: "pets" }],
  paths: {
    "/orders/{id}": {
      parameters: [{ $ref: "#/components/parameters/Id" }],
      get: {
        operationId: "getOrder",
        tags: ["orders", "shop"],
        responses: {
          "200": {
            description: "An order",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Order", description: "The order asked for" } } },
          },
          default: { $ref: "#/components/responses/Problem" },
        },
      },
    },
    "/pets": { get: { operationId: "listPets", tags: ["pets"], responses: { "200": { description: "ok" } } } },
  },
  components: {
    parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
    schemas: {
      Order: {
        type: "object",
        properties: { customer: { $ref: "#/components/schemas/Customer" }, lines: { type: "array", items: { $ref: "#/components/schemas/Line" } } },
      },
      Customer: {
        type: "object",
        description: "Who ordered",
        properties: { lastOrder: { $ref: "#/components/schemas/Order" }, address: { $ref: "#/components/schemas/Address" } },
      },
      Line: { type: "object", properties: { sku: { type: "string" } }, example: { $ref: "not a reference: example data" } },
      // A property may be called `default` or `example`: there it names a schema, not data.
      Address: { type: "object", properties: { country: { type: "string" }, default: { $ref: "#/components/schemas/Line" } } },
    },
    responses: { Problem: { description: "A problem", content: { "application/problem+json": { schema: { type: "object" } } } } },
    securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
  },
};

describe("one operation as a document of its own", () => {
  it("keeps info, servers, security and its first tag, and expands every reference", () => {
    const { slice } = operationSlice(document, "get", "/orders/{id}");
    expect(Object.keys(slice.paths as Json)).toEqual(["/orders/{id}"]);
    expect(slice.servers).toEqual(document.servers);
    expect(slice.security).toEqual(document.security);
    expect(slice.tags).toEqual([{ name: "orders", description: "Orders" }]);
    expect(slice.components).toEqual({ securitySchemes: document.components.securitySchemes });
    const item = (slice.paths as Json)["/orders/{id}"];
    expect(item.get.tags).toEqual(["orders"]);
    expect(item.parameters).toEqual([document.components.parameters.Id]);
    expect(refsIn(slice)).toEqual([]);
    const order = item.get.responses["200"].content["application/json"].schema;
    // A 3.1 sibling of $ref wins; the schema's name is where Swagger UI looks for it.
    expect(order).toMatchObject({ description: "The order asked for", $$ref: "#/components/schemas/Order", type: "object" });
    expect(order.properties.customer.properties.address.properties.country).toEqual({ type: "string" });
    expect(order.properties.customer.properties.address.properties.default).toMatchObject({
      $$ref: "#/components/schemas/Line",
      properties: { sku: { type: "string" } },
    });
    expect(item.get.responses.default).toEqual(document.components.responses.Problem);
    // Examples are data, never resolved.
    expect(order.properties.lines.items.example).toEqual({ $ref: "not a reference: example data" });
  });

  it("turns a circular reference into a named stub", () => {
    const { slice, info } = operationSlice(document, "get", "/orders/{id}");
    const lastOrder = (slice.paths as Json)["/orders/{id}"].get.responses["200"].content["application/json"].schema.properties.customer.properties.lastOrder;
    expect(lastOrder).toMatchObject({ type: "object", title: "Order", $$ref: "#/components/schemas/Order" });
    expect(lastOrder.properties).toBeUndefined();
    expect(info.stubs).toBe(1);
  });

  it("expands less deep when the budget is small, and says how deep", () => {
    const shallow = inlineRefs(document, document.paths["/orders/{id}"].get, { budget: 400 });
    expect(shallow.depth).toBeLessThan(6);
    const customer = (shallow.value as Json).responses["200"].content["application/json"].schema.properties?.customer;
    expect(customer === undefined || customer.properties === undefined || shallow.depth >= 2).toBe(true);
    expect(shallow.stubs).toBeGreaterThan(0);
    expect(refsIn(shallow.value)).toEqual([]);
  });

  it("gives the document's overview without any operation, for Swagger UI to start with", () => {
    const overview = overviewSlice(document);
    expect(overview.paths).toEqual({});
    expect(overview).toMatchObject({ info: document.info, servers: document.servers, security: document.security, tags: document.tags });
    expect(overview.components).toEqual({ securitySchemes: document.components.securitySchemes });
  });

  it("answers an operation the document lacks with 404", () => {
    expect(() => operationSlice(document, "delete", "/pets")).toThrow(/DELETE \/pets/);
  });

  it("slices a Swagger 2.0 document, keeping its security definitions and host", () => {
    const swagger: Json = {
      swagger: "2.0",
      info: { title: "Old", version: "1" },
      host: "old.example",
      basePath: "/api",
      securityDefinitions: { basic: { type: "basic" } },
      paths: {
        "/things": {
          post: { parameters: [{ in: "body", name: "body", schema: { $ref: "#/definitions/Thing" } }], responses: { "201": { description: "made" } } },
        },
      },
      definitions: { Thing: { type: "object", properties: { name: { type: "string" } } } },
    };
    const { slice } = operationSlice(swagger, "post", "/things");
    expect(slice).toMatchObject({ host: "old.example", basePath: "/api", securityDefinitions: { basic: { type: "basic" } } });
    expect(slice.definitions).toBeUndefined();
    expect((slice.paths as Json)["/things"].post.parameters[0].schema).toMatchObject({ type: "object", $$ref: "#/definitions/Thing" });
  });
});

describe.skipIf(!hasFixtures)("slices of Stripe's 4 MB document", () => {
  it("leave no reference for Swagger UI to resolve, and stay within the budget", () => {
    const stripe = JSON.parse(readFileSync(path.join(fixturesDir, "stripe/spec3.2022-03-25.json"), "utf8")) as Json;
    const operations = extractOperations(stripe);
    let largest = 0;
    for (const operation of operations.filter((_, index) => index % 10 === 0)) {
      const { slice } = operationSlice(stripe, operation.method, operation.path);
      const text = JSON.stringify(slice);
      expect(refsIn(slice)).toEqual([]);
      largest = Math.max(largest, text.length);
    }
    // The budget counts about 150,000 characters; JSON's quotes and stubs' notes add to that.
    expect(largest).toBeLessThan(500_000);
    const customer = operationSlice(stripe, "get", "/v1/customers/{customer}");
    expect(customer.info.depth).toBeGreaterThanOrEqual(2);
  });
});
