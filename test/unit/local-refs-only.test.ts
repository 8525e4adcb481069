import { describe, expect, it } from "vitest";
import { localRefsOnly } from "@/lib/clients/local-refs-only";
import { generateClient } from "@/lib/clients/generate-client";

const source = { portal: "http://portal.test", service: "hostile", version: "1", revision: 1, contentHash: "h" };

describe("a document's references before client generation", () => {
  it("cuts references to files and URLs, and drops mappings that point outside", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "x", version: "1" },
      paths: {},
      components: {
        schemas: {
          Pet: {
            oneOf: [{ $ref: "/etc/hostname" }, { $ref: "https://169.254.169.254/latest/meta-data" }],
            discriminator: { propertyName: "t", mapping: { a: "file.yml#/A", b: "Pet", c: "#/nowhere" } },
          },
        },
      },
    };
    const local = localRefsOnly(document) as { components: { schemas: { Pet: { oneOf: unknown[]; discriminator: { mapping: unknown } } } } };
    expect(local.components.schemas.Pet.oneOf).toEqual([{}, {}]);
    expect(local.components.schemas.Pet.discriminator.mapping).toEqual({ b: "Pet" });
    expect(document.components.schemas.Pet.oneOf[0]).toEqual({ $ref: "/etc/hostname" });
  });

  it("moves what references into paths name among the components, chains and cycles included, so openapi-typescript can name every type", async () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "x", version: "1" },
      paths: {
        "/a": { get: { parameters: [{ name: "page", in: "query", schema: { type: "integer" } }], responses: { "200": { description: "ok" } } } },
        "/b": { get: { parameters: [{ $ref: "#/paths/~1c/get/parameters/0" }], responses: { "200": { $ref: "#/paths/~1a/get/responses/200" } } } },
        "/c": { get: { parameters: [{ $ref: "#/paths/~1a/get/parameters/0" }], responses: { "200": { description: "ok" } } } },
        "/d": {
          get: {
            responses: {
              "200": {
                description: "loop",
                content: { "application/json": { schema: { items: { $ref: "#/paths/~1d/get/responses/200/content/application~1json/schema" } } } },
              },
            },
          },
        },
      },
    };
    const local = localRefsOnly(document) as {
      paths: Record<string, { get: { parameters?: { $ref: string }[] } }>;
      components: Record<string, Record<string, unknown>>;
    };
    const hoisted = local.paths["/b"]!.get.parameters![0]!.$ref;
    expect(hoisted).toMatch(/^#\/components\/parameters\/wf_paths_\d+$/);
    // Followed through the components (a chain may land on another copied component), it is the parameter of /a.
    let parameter = local.components.parameters![hoisted.split("/").at(-1)!] as { $ref?: string };
    while (parameter.$ref) parameter = local.components.parameters![parameter.$ref.split("/").at(-1)!] as { $ref?: string };
    expect(parameter).toEqual({ name: "page", in: "query", schema: { type: "integer" } });
    expect(JSON.stringify(local)).not.toContain('"$ref":"#/paths/');
    const files = await generateClient(document, source, "typescript");
    expect(files["src/schema.ts"]).not.toContain('paths["/c"]["get"]["parameters"]');
  });

  it("reads nothing from the disk however a document names it", async () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "x", version: "1" },
      paths: { "/x": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "/etc/passwd#/root" } } } } } } } },
    };
    for (const language of ["typescript", "python"] as const) {
      const text = Object.values(await generateClient(document, source, language)).join("\n");
      expect(text).not.toMatch(/root:x:0:0/);
    }
  });

  it("keeps a description that tries to close a comment or a string inside it", async () => {
    const hostile = '*/ export const pwned = 1; /* """ \\ \u2028 import os; os.system("x") #';
    const document = {
      openapi: "3.0.3",
      info: { title: hostile, version: `1${hostile}` },
      servers: [{ url: `http://x/${hostile}` }],
      paths: { "/x": { get: { operationId: hostile, summary: hostile, description: hostile, responses: { "200": { description: hostile } } } } },
      components: { schemas: { [hostile]: { type: "object", description: hostile, properties: { [hostile]: { type: "string", description: hostile } } } } },
    };
    const typescript = await generateClient(document, { ...source, version: `1${hostile}` }, "typescript");
    expect(typescript["src/index.ts"]).not.toMatch(/^export const pwned/m);
    expect(typescript["src/schema.ts"]).not.toMatch(/^\s*export const pwned/m);
    const python = await generateClient(document, { ...source, version: `1${hostile}` }, "python");
    for (const [name, text] of Object.entries(python)) if (name.endsWith(".py")) expect(text, name).not.toMatch(/^\s*import os/m);
  });
});
