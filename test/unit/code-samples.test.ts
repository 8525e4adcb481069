import { readFileSync } from "node:fs";
import path from "node:path";
import { snippetz } from "@scalar/snippetz";
import { describe, expect, it } from "vitest";
import { documentSamples, SAMPLE_LANGUAGES } from "@/components/api-reference/code-samples";
import { withoutStrayBody } from "@/components/api-reference/try-request-interceptor";
import { buildMockOperations } from "@/lib/try-it/mock/mock-operations";
import { documentSchemaProblem } from "@/lib/openapi/document-schema-check";
import { mockRequest } from "@/lib/try-it/mock/mock-request";
import { buildSampleRequest } from "@/lib/try-it/samples/build-sample-request";
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
    expect(headers([{ basic: [] }]).headers).toEqual([{ name: "Authorization", value: `Basic ${btoa("username:password")}` }]);
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

describe("values in samples: the document's first, then realistic ones, never the literal 'string'", () => {
  const doc = {
    openapi: "3.0.3",
    paths: {},
    components: {
      schemas: {
        Person: {
          type: "object",
          required: ["email", "website", "id", "born", "handle"],
          properties: {
            email: { type: "string", format: "email" },
            website: { type: "string" },
            callbackUrl: { type: "string", pattern: "^https://" },
            id: { type: "string", format: "uuid" },
            born: { type: "string", format: "date" },
            handle: { type: "string", minLength: 3, maxLength: 4 },
            country: { type: "string", enum: ["FR", "DE"] },
            // Nullable the way zod writes it: the branch keeps the property's name.
            onCallUrl: { anyOf: [{ type: "string", maxLength: 2000, pattern: "^https?:\\/\\/[^\\s/?#]+(?:[/?#]\\S*)?$" }, { type: "null" }] },
          },
        },
      },
    },
  };
  const operation = {
    parameters: [
      { name: "payment", in: "path", required: true, schema: { type: "string" } },
      { name: "refundId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
      { name: "limit", in: "query", required: true, schema: { type: "integer", minimum: 1 } },
      {
        name: "expand",
        in: "query",
        required: true,
        style: "deepObject",
        schema: { type: "object", required: ["a"], properties: { a: { type: "string", example: "x" } } },
      },
    ],
    requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Person" } } } },
  };

  it("puts a {name} placeholder in a plain string path parameter, a realistic value where its format says what it holds", () => {
    const request = buildSampleRequest({
      document: doc,
      operation,
      path: "/payments/{payment}/refunds/{refundId}",
      method: "post",
      server: "https://api.example",
    });
    expect(request.url).toBe("https://api.example/payments/{payment}/refunds/3fa85f64-5717-4562-b3fc-2c963f66afa6");
    expect(request.url).not.toContain("string");
    // A deepObject query parameter is written with brackets, as the document's style says.
    expect(request.queryString).toEqual([
      { name: "limit", value: "1" },
      { name: "expand[a]", value: "x" },
    ]);
    const body = JSON.parse(request.postData!.text!) as Record<string, string>;
    expect(body).toMatchObject({
      email: "jane.doe@example.com",
      website: "https://example.com/resource",
      id: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      born: "2026-01-15",
      country: "FR",
    });
    // A pattern decides over a name: the URL fits ^https://, and a realistic value that breaks length bounds is not used.
    expect(body.callbackUrl).toBe("https://example.com/resource");
    expect(body.onCallUrl).toBe("https://example.com/resource");
    expect(body.handle).not.toBe("jane.doe");
    expect(body.handle?.length).toBeGreaterThanOrEqual(3);
  });

  it("uses the document's body example only when it is valid for its schema", () => {
    const media = (example: unknown) => ({
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Person" }, example } } },
    });
    const valid = { email: "a@b.example", website: "https://w.example", id: "3fa85f64-5717-4562-b3fc-2c963f66afa7", born: "2020-02-02", handle: "abc" };
    const kept = buildSampleRequest({ document: doc, operation: media(valid), path: "/p", method: "post", server: "https://api.example" });
    expect(JSON.parse(kept.postData!.text!)).toEqual(valid);
    // Twilio's form examples hold "post_webhook_url" where a URI goes: such an example gives way to a generated body.
    const broken = buildSampleRequest({
      document: doc,
      operation: media({ ...valid, email: "post_email" }),
      path: "/p",
      method: "post",
      server: "https://api.example",
    });
    expect(JSON.parse(broken.postData!.text!)).toMatchObject({ email: "jane.doe@example.com" });
  });

  it("writes a form as its encoding says: deepObject with brackets, exploded lists repeated", () => {
    const form = {
      requestBody: {
        content: {
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              required: ["tags"],
              properties: {
                metadata: { type: "object", properties: { plan: { type: "string", example: "gold" } } },
                tags: { type: "array", items: { type: "string", example: "a" } },
                name: { type: "string", example: "Jane" },
              },
            },
            encoding: { metadata: { style: "deepObject", explode: true } },
          },
        },
      },
    };
    const request = buildSampleRequest({ document: doc, operation: form, path: "/f", method: "post", server: "https://api.example" });
    expect(request.postData?.text).toBe("metadata%5Bplan%5D=gold&tags=a&name=Jane");
  });
});

describe.runIf(hasFixtures)("samples of real APIs the mock accepts", () => {
  const load = (file: string) => JSON.parse(readFileSync(path.join(fixturesDir, file), "utf8")) as Record<string, any>;

  it("Stripe's POST /v1/customers pre-filled body is accepted by the mock (it was 422: invoice_settings.custom_fields must be array)", async () => {
    const stripe = load("stripe/spec3.2022-03-25.json");
    const request = buildSampleRequest({
      document: stripe,
      operation: stripe.paths["/v1/customers"].post,
      path: "/v1/customers",
      method: "post",
      server: "http://mock",
    });
    expect(request.postData?.mimeType).toBe("application/x-www-form-urlencoded");
    expect(request.postData?.text).not.toContain("%5Bobject+Object%5D");
    const output = await mockRequest(
      { document: stripe, operations: buildMockOperations(stripe) },
      {
        method: "post",
        path: "/v1/customers",
        query: {},
        headers: Object.fromEntries([...request.headers.map(({ name, value }) => [name.toLowerCase(), value])]),
        body: request.postData!.text,
      },
      {},
    );
    expect(output.status, JSON.stringify(output.body).slice(0, 400)).toBe(200);
  }, 60_000);
});

describe("the example check runs under the portal's CSP", () => {
  it("never evaluates code (the pages' script-src has no 'unsafe-eval'; Ajv's compiler broke every expanded operation)", () => {
    const original = globalThis.Function;
    const evaluated: string[] = [];
    globalThis.Function = function (...args: string[]) {
      evaluated.push(args.join(",").slice(0, 80));
      throw new EvalError("unsafe-eval is not allowed");
    } as unknown as FunctionConstructor;
    try {
      const doc = {
        openapi: "3.1.0",
        components: { schemas: { A: { type: "object", required: ["url"], properties: { url: { type: "string", format: "uri" } } } } },
      };
      const schema = { $ref: "#/components/schemas/A" };
      expect(documentSchemaProblem(doc, schema, { url: "https://example.com" })).toBeNull();
      expect(documentSchemaProblem(doc, schema, { url: "post_webhook_url" })).toMatch(/url/);
    } finally {
      globalThis.Function = original;
    }
    expect(evaluated).toEqual([]);
  });
});
