import { describe, expect, it } from "vitest";
import { preferHeaderFor, setMockChoice } from "@/components/api-reference/mock-preferences";
import { cutRecursion } from "@/lib/try-it/samples/cut-recursion";
import { stringForPattern, stringForPatterns } from "@/lib/try-it/samples/pattern-examples";
import { parsePreferHeader } from "@/lib/try-it/mock/prefer-header";
import { sampleBody } from "@/lib/try-it/mock/sample-body";

describe("the Prefer header", () => {
  it("reads Prism's code, example and dynamic preferences, ignoring what it does not know", () => {
    expect(parsePreferHeader('code=404, example="declined"; dynamic=true, respond-async')).toEqual({ code: 404, example: "declined", dynamic: true });
    expect(parsePreferHeader("code=abc, code=999")).toEqual({});
    expect(parsePreferHeader(null)).toEqual({});
  });

  it("is built for a mock request from the choice made for the operation its path matches", () => {
    setMockChoice("get", "/orders/{orderId}", { code: "200", example: "shipped" });
    expect(preferHeaderFor("GET", "/orders/ord_1")).toBe("code=200, example=shipped");
    expect(preferHeaderFor("GET", "/orders/ord_1/cancel")).toBeUndefined();
    expect(preferHeaderFor("POST", "/orders/ord_1")).toBeUndefined();
  });
});

describe("generated data", () => {
  // Stripe's shape: an error refers to a payment that refers back to the error (nullable only with anyOf).
  const document = {
    openapi: "3.0.3",
    components: {
      schemas: {
        error: {
          type: "object",
          required: ["type"],
          properties: { type: { type: "string", enum: ["card_error"] }, payment: { $ref: "#/components/schemas/payment" } },
        },
        payment: {
          type: "object",
          required: ["id", "last_error"],
          properties: {
            id: { type: "string", pattern: "^pi_[A-Za-z0-9]{8,}$" },
            last_error: { anyOf: [{ $ref: "#/components/schemas/error" }], nullable: true },
          },
        },
        tree: {
          type: "object",
          required: ["name", "children"],
          properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/tree" } } },
        },
      },
    },
  };

  it("cuts recursion where the schema lets it: the optional property that leads back is left out", () => {
    // payment → last_error → error → payment: the error's optional `payment` is dropped; a nullable
    // `anyOf` without `type` is not taken as allowing null (OpenAPI 3.0.3), so last_error stays an object.
    const payment = sampleBody(document, { $ref: "#/components/schemas/payment" }) as { id: string; last_error: unknown };
    expect(payment.last_error).toEqual({ type: "card_error" });
    expect(payment.id).toMatch(/^pi_[A-Za-z0-9]{8,}$/);
    // From the error's side, `payment` cannot be built at all (its required last_error leads back): left out.
    expect(sampleBody(document, { $ref: "#/components/schemas/error" })).toEqual({ type: "card_error" });
  });

  it("leaves a recursive array empty", () => {
    expect(cutRecursion({ $ref: "#/components/schemas/tree" }, document)).toMatchObject({ properties: { children: { type: "array", example: [] } } });
    expect(sampleBody(document, { $ref: "#/components/schemas/tree" })).toEqual({ name: "string", children: [] });
  });

  it("writes strings that match open-ended patterns (openapi-sampler wrote `CA{8,}`)", () => {
    for (const pattern of ["^[CGD][A-Z0-9]{8,}$", "^\\d{10}\\.\\d{6}$", "^[a-z]+(-[a-z]+)*$"]) expect(stringForPattern(pattern)).toMatch(new RegExp(pattern));
    expect(stringForPattern("^[A-Z]{3}$", 0, 2)).toBeUndefined();
    // Lookaheads (zod's URL pattern) are beyond randexp: a well-known shape that fits is used.
    expect(stringForPattern("(?=^https?:\\/\\/[^\\s/?#]+(?:[/?#]\\S*)?$)(?=^[a-z]+:\\/\\/[^/?#@]+(?:[/?#]\\S*)?$)")).toBe("https://example.com/resource");
    expect(stringForPattern("(")).toBeUndefined();
  });

  it("remembers a string per pattern and length bounds, never across bounds", () => {
    const pattern = "^[a-z]{2,6}$";
    const short = stringForPattern(pattern, 0, 3);
    const long = stringForPattern(pattern, 5, 6);
    expect(short).toMatch(/^[a-z]{2,3}$/);
    expect(long).toMatch(/^[a-z]{5,6}$/);
    expect(stringForPattern(pattern, 0, 3)).toBe(short);
    expect(stringForPattern(pattern, 5, 6)).toBe(long);
    expect(stringForPattern("^[A-Z]{3}$")).toMatch(/^[A-Z]{3}$/);
    expect(stringForPattern("^[A-Z]{3}$", 0, 2)).toBeUndefined();
    // Patterns too long to remember (a document's, for anyone's mock request) are still honoured.
    const many = Array.from(
      { length: 60 },
      (_, index) => `^(?:[a-z]{3}|x{${index + 1},${index + 60}}|y{${index + 1},${index + 60}}|z{${index + 1},${index + 60}})$`,
    );
    expect(JSON.stringify(many).length).toBeGreaterThan(2_000);
    const made = stringForPatterns(many);
    expect(made).toMatch(/^[a-z]{3}$/);
    expect(stringForPatterns(many)).toBe(made);
  });
});
