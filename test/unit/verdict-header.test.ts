import { describe, expect, it } from "vitest";
import { checkExchange } from "@/lib/conformance/check-exchange";
import { decodeVerdict, encodeVerdict } from "@/lib/conformance/verdict-header";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";

/** A contract whose response schema no validator can compile: a `minLength` that is no number. */
const document = {
  openapi: "3.0.3",
  info: { title: "Odd", version: "1" },
  paths: {
    "/things": {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { type: "object", properties: { code: { type: "string", minLength: "three" } } } } },
          },
        },
      },
    },
  },
};

describe("the Try it out verdict header", () => {
  const target = { document, operations: buildMockOperations(document) };
  const exchange = { method: "GET", path: "/things", status: 200, headers: { "content-type": "application/json" } };

  it("says when the body could not be checked, so a clean verdict is not read as the body passing", () => {
    const verdict = checkExchange(target, { ...exchange, body: JSON.stringify({ code: 7 }) });
    expect(verdict.findings).toEqual([]);
    expect(verdict.unchecked).toBe("the contract's schema for this response could not be compiled");
    expect(decodeVerdict(encodeVerdict(verdict))).toEqual({
      operation: "GET /things",
      documented: true,
      total: 0,
      findings: [],
      unchecked: "the contract's schema for this response could not be compiled",
    });
  });

  it("carries no such note when the body was checked", () => {
    const checked = { ...target, document: { ...document, paths: { "/things": { get: { responses: { "200": { description: "ok" } } } } } } };
    const verdict = checkExchange({ ...checked, operations: buildMockOperations(checked.document) }, { ...exchange, body: "{}" });
    expect(decodeVerdict(encodeVerdict(verdict))).not.toHaveProperty("unchecked");
  });
});

describe("writeOnly in responses", () => {
  it("does not require a required writeOnly property in a response, and still checks the others", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "Users", version: "1" },
      paths: {
        "/users/{id}": {
          get: {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      required: ["id", "password"],
                      properties: { id: { type: "string" }, password: { type: "string", writeOnly: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const target = { document, operations: buildMockOperations(document) };
    const exchange = { method: "GET", path: "/users/u1", status: 200, headers: { "content-type": "application/json" } };
    expect(checkExchange(target, { ...exchange, body: JSON.stringify({ id: "u1" }) }).findings).toEqual([]);
    expect(checkExchange(target, { ...exchange, body: JSON.stringify({}) }).findings.map((finding) => `${finding.pointer} ${finding.rule}`)).toEqual([
      "/id required",
    ]);
  });
});
