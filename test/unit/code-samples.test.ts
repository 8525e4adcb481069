import { snippetz } from "@scalar/snippetz";
import { describe, expect, it } from "vitest";
import { documentSamples, SAMPLE_LANGUAGES } from "@/components/api-reference/code-samples";
import { buildSampleRequest } from "@/lib/try/build-sample-request";

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
