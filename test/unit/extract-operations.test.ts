import { describe, expect, it } from "vitest";
import { extractOperations } from "@/lib/openapi/extract-operations";
import { compactWord, searchTokens } from "@/lib/search-index/search-tokens";
import { swaggerDeepLink } from "@/lib/search-index/swagger-deep-link";

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
      {
        method: "get",
        path: "/pets",
        operationId: "listPets",
        summary: "List pets",
        tags: ["pets"],
        description: "",
        searchName: "listpets list pets",
        searchText: "listpets list pets x",
        deprecated: false,
        sunset: null,
      },
      {
        method: "post",
        path: "/pets",
        operationId: "createPet",
        summary: "",
        tags: [],
        description: "",
        searchName: "createpet create pet pets",
        searchText: "createpet create pet pets x",
        deprecated: true,
        sunset: new Date("2027-03-01T00:00:00.000Z"),
      },
      {
        method: "delete",
        path: "/pets/{id}",
        operationId: null,
        summary: "",
        tags: ["pets"],
        description: "",
        searchName: "pets id",
        searchText: "pets id",
        deprecated: false,
        sunset: null,
      },
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

describe("the words search knows an operation by", () => {
  it("cuts identifiers at camelCase, acronyms, digits and punctuation, and keeps the operationId whole too", () => {
    expect(searchTokens("createPaymentIntent")).toEqual(["create", "payment", "intent"]);
    expect(searchTokens("getHTTPSProxy")).toEqual(["get", "https", "proxy"]);
    expect(searchTokens("/v1/payment_intents/{intent}/confirm")).toEqual(["v1", "payment", "intents", "intent", "confirm"]);
    expect(compactWord("chat.postMessage")).toBe("chatpostmessage");
  });

  it("takes words from the description (as plain text) and from parameters, local $refs followed", () => {
    const [operation] = extractOperations({
      paths: {
        "/charges/{charge}/refund": {
          parameters: [{ $ref: "#/components/parameters/Charge" }],
          post: {
            operationId: "PostChargesChargeRefund",
            description: "Refunds a **charge** that has [previously been created](https://example.com/docs).",
            parameters: [{ name: "Idempotency-Key", in: "header" }],
          },
        },
      },
      components: { parameters: { Charge: { name: "charge", in: "path", required: true } } },
    });
    expect(operation!.description).toBe("Refunds a charge that has previously been created.");
    // What names it, weighed highest: the operationId whole and in words, and the path's words.
    expect(operation!.searchName).toBe("postchargeschargerefund post charges charge refund");
    expect(operation!.searchText.split(" ")).toEqual([
      "postchargeschargerefund",
      "post",
      "charges",
      "charge",
      "refund",
      "idempotency",
      "key",
      "refunds",
      "a",
      "that",
      "has",
      "previously",
      "been",
      "created",
    ]);
  });
});

describe("Swagger UI's deep link to an operation", () => {
  it("is its first tag and operationId, or default and method-path", () => {
    expect(swaggerDeepLink({ method: "post", path: "/payments", operationId: "createPayment", tags: ["Payments", "Money"] })).toBe("#/Payments/createPayment");
    expect(swaggerDeepLink({ method: "get", path: "/v1/customers/{customer}", operationId: null, tags: [] })).toBe("#/default/get_v1_customers__customer_");
    expect(swaggerDeepLink({ method: "get", path: "/a", operationId: "list things", tags: ["Pet store"] })).toBe("#/Pet%20store/listthings");
  });
});
