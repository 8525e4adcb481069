import { readFileSync } from "node:fs";
import path from "node:path";
import { snippetz } from "@scalar/snippetz";
import { describe, expect, it } from "vitest";
import { documentSamples, SAMPLE_LANGUAGES } from "@/components/api-reference/code-samples";
import { withoutStrayBody } from "@/components/api-reference/try-request-interceptor";
import { buildSampleRequest } from "@/lib/try/build-sample-request";
import { fixturesDir, hasFixtures } from "../support/fixtures";

const document = {
  openapi: "3.0.3",
  security: [{ key: [] }],
  components: {
    securitySchemes: {
      key: { type: "apiKey", in: "header", name: "X-Api-Key" },
      query: { type: "apiKey", in: "query", name: "api_key" },
      bearer: { type: "http", scheme: "bearer" },
      basic: { type: "http", scheme: "basic" },
    },
    schemas: {
      Thing: { type: "object", required: ["name"], properties: { name: { type: "string", example: "tent" }, id: { type: "string", readOnly: true } } },
    },
  },
};
const operation = {
  parameters: [
    { name: "thingId", in: "path", required: true, schema: { type: "string", example: "th_1" } },
    { name: "dryRun", in: "query", required: true, schema: { type: "boolean", default: false } },
    { name: "page", in: "query", schema: { type: "integer" } },
  ],
  requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
};

describe("code samples", () => {
  it("build the request from the chosen server, example parameters, an example body and placeholder credentials", () => {
    const request = buildSampleRequest({ document, operation, path: "/things/{thingId}", method: "put", server: "https://api.example/v1/" });
    expect(request).toEqual({
      method: "PUT",
      url: "https://api.example/v1/things/th_1",
      queryString: [{ name: "dryRun", value: "false" }],
      headers: [
        { name: "X-Api-Key", value: "<API_KEY>" },
        { name: "Content-Type", value: "application/json" },
      ],
      postData: { mimeType: "application/json", text: JSON.stringify({ name: "tent" }, null, 2) },
    });
  });

  it("put each scheme's credential where it belongs, and the reader's own only when given", () => {
    const headers = (security: object[], credentials?: Record<string, string>) =>
      buildSampleRequest({ document, operation: { security }, path: "/x", method: "get", server: "https://a.example", credentials });
    expect(headers([{ bearer: [] }]).headers).toEqual([{ name: "Authorization", value: "Bearer <TOKEN>" }]);
    expect(headers([{ basic: [] }]).headers).toEqual([{ name: "Authorization", value: "Basic <BASE64(username:password)>" }]);
    expect(headers([{ query: [] }]).queryString).toEqual([{ name: "api_key", value: "<API_KEY>" }]);
    expect(headers([{ bearer: [] }], { bearer: "real-token" }).headers).toEqual([{ name: "Authorization", value: "Bearer real-token" }]);
  });

  it("come out in curl, JavaScript, Python, Go, Java and C#, each naming the URL", () => {
    const request = buildSampleRequest({ document, operation, path: "/things/{thingId}", method: "put", server: "https://api.example/v1" });
    const generator = snippetz();
    for (const { label, target, client } of SAMPLE_LANGUAGES) {
      const code = generator.print(target, client as never, request);
      expect(code, label).toContain("https://api.example/v1/things/th_1");
      expect(code, label).toContain("X-Api-Key");
    }
  });
});

describe("the document's own samples", () => {
  it("come from x-codeSamples (or x-code-samples), labelled as the document's, skipping entries without source", () => {
    expect(
      documentSamples({
        "x-codeSamples": [{ lang: "Shell", label: "CLI", source: "tide orders list" }, { lang: "Ruby" }, { lang: "PHP", source: "<?php list();" }],
      }),
    ).toEqual([
      { label: "CLI (from the document)", source: "tide orders list" },
      { label: "PHP (from the document)", source: "<?php list();" },
    ]);
    expect(documentSamples({ "x-code-samples": [{ lang: "Go", source: "orders.List()" }] })).toEqual([
      { label: "Go (from the document)", source: "orders.List()" },
    ]);
    expect(documentSamples({})).toEqual([]);
  });
});

describe("bodies in samples and in Try it out", () => {
  const emptyForm = { content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: {} } } } };
  const jsonBody = { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } };

  it("never give a GET or HEAD a body, even where the document declares one (Stripe declares an empty form on its GETs)", () => {
    for (const method of ["get", "head"])
      for (const requestBody of [emptyForm, jsonBody]) {
        const request = buildSampleRequest({ document, operation: { requestBody }, path: "/things", method, server: "https://api.example" });
        expect(request.postData, method).toBeUndefined();
        const curl = snippetz().print("shell", "curl", request as never) ?? "";
        expect(curl).not.toMatch(/--data|--request POST|-X POST/);
      }
  });

  it("give a DELETE a body only when the document requires one, and never an empty form", () => {
    const optional = buildSampleRequest({ document, operation: { requestBody: jsonBody }, path: "/things/1", method: "delete", server: "https://api.example" });
    expect(optional.postData).toBeUndefined();
    const required = buildSampleRequest({
      document,
      operation: { requestBody: { ...jsonBody, required: true } },
      path: "/things/1",
      method: "delete",
      server: "https://api.example",
    });
    expect(required.postData?.mimeType).toBe("application/json");
    const form = buildSampleRequest({ document, operation: { requestBody: emptyForm }, path: "/things", method: "post", server: "https://api.example" });
    expect(form.postData).toBeUndefined();
  });

  it("drop the body Swagger UI sends with a GET, HEAD or empty DELETE, and its Content-Type, before fetch sees it", () => {
    const base = { url: "https://api.example/things", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" } };
    for (const method of ["GET", "head"]) {
      const cleaned = withoutStrayBody({ ...base, method, body: "" });
      expect("body" in cleaned, method).toBe(false);
      expect(cleaned.headers).toEqual({ Accept: "application/json" });
      // fetch accepts what is left.
      expect(() => new Request(cleaned.url, { method: cleaned.method, headers: cleaned.headers })).not.toThrow();
    }
    expect("body" in withoutStrayBody({ ...base, method: "DELETE", body: "" })).toBe(false);
    expect(withoutStrayBody({ ...base, method: "DELETE", body: '{"reason":"x"}' }).body).toBe('{"reason":"x"}');
    expect(withoutStrayBody({ ...base, method: "POST", body: "" }).body).toBe("");
  });
});

describe.runIf(hasFixtures)("bodies in the samples of a large real API (Stripe)", () => {
  it("no GET, HEAD or DELETE sample sends a body, so none becomes a POST", () => {
    const stripe = JSON.parse(readFileSync(path.join(fixturesDir, "stripe/spec3.2022-03-25.json"), "utf8")) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    let checked = 0;
    let declaring = 0;
    for (const [route, item] of Object.entries(stripe.paths))
      for (const method of ["get", "head", "delete"]) {
        const operation = item[method];
        if (!operation) continue;
        if (operation.requestBody) declaring += 1;
        const request = buildSampleRequest({ document: stripe, operation, path: route, method, server: "https://api.stripe.com" });
        const curl = snippetz().print("shell", "curl", request as never) ?? "";
        expect(curl, `${method} ${route}`).not.toMatch(/--data|--request POST/);
        checked += 1;
      }
    console.log(`Stripe: ${checked} GET/HEAD/DELETE samples checked, ${declaring} of them on operations that declare a request body`);
    expect(declaring).toBeGreaterThan(200);
  });
});
