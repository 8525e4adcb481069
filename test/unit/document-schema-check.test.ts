/**
 * The document schema check (lib/openapi/document-schema-check.ts) indexes a document's sections once and
 * gives each schema a lookup of its own over them. Its verdicts must be the validator's own, as the
 * validator's `addSchema` gives them (which indexes the whole document again for every schema): over every
 * demo and fixture document, request and response schemas, with the document's examples, generated
 * samples and values of the wrong shape.
 */
import { Validator } from "@cfworker/json-schema";
import { sample } from "openapi-sampler";
import { describe, expect, it } from "vitest";
import { wayfinderOpenApiDocument } from "@/lib/api/openapi-document";
import { documentSchemaProblem, schemaCheck, validatorInputs } from "@/lib/openapi/document-schema-check";
import { isPlainObject } from "@/lib/openapi/detect-format";
import { httpMethods } from "@/lib/openapi/extract-operations";
import { deref } from "@/lib/openapi/json-pointer";
import { corpusDocuments } from "../support/corpus-documents";

type Json = Record<string, unknown>;

const documents: [string, () => Promise<Json>][] = [
  ["wayfinder", async () => JSON.parse(JSON.stringify(wayfinderOpenApiDocument)) as Json],
  ...corpusDocuments(),
];

/** Request and response schemas of the document's operations (OpenAPI 3's media types, Swagger 2.0's body and responses), with their examples. */
function schemasOf(document: Json): { schema: Json; examples: unknown[] }[] {
  const found: { schema: Json; examples: unknown[] }[] = [];
  const add = (holder: unknown) => {
    const resolved = deref(document, holder);
    if (!isPlainObject(resolved) || !isPlainObject(resolved.schema)) return;
    const named = isPlainObject(resolved.examples)
      ? Object.values(resolved.examples).map((example) => (isPlainObject(example) ? example.value : undefined))
      : [];
    found.push({ schema: resolved.schema, examples: [resolved.example, ...named].filter((value) => value !== undefined) });
  };
  for (const item of Object.values(isPlainObject(document.paths) ? document.paths : {})) {
    const pathItem = deref(document, item);
    if (!isPlainObject(pathItem)) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isPlainObject(operation)) continue;
      const body = deref(document, operation.requestBody);
      if (isPlainObject(body) && isPlainObject(body.content)) Object.values(body.content).forEach(add);
      for (const parameter of Array.isArray(operation.parameters) ? operation.parameters : []) {
        const resolved = deref(document, parameter);
        if (isPlainObject(resolved) && resolved.in === "body") add(resolved);
      }
      for (const response of Object.values(isPlainObject(operation.responses) ? operation.responses : {})) {
        const resolved = deref(document, response);
        if (!isPlainObject(resolved)) continue;
        if (isPlainObject(resolved.content)) Object.values(resolved.content).forEach(add);
        else add(resolved);
      }
    }
  }
  return found;
}

/** At most `count` of `items`, spread over the whole list (the validator's own way is slow on large documents). */
const spread = <T>(items: T[], count: number) =>
  items.length <= count ? items : Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);

/** The outcome of a check, thrown errors included (a `$ref` to nowhere is found as a value reaches it). */
const outcome = <T>(run: () => T): { result?: T; threw?: string } => {
  try {
    return { result: run() };
  } catch (error) {
    // The first line: a lookup over the document's lists only its own entries under "Known schemas".
    return { threw: String(error).split("\n")[0] };
  }
};

describe("the document schema check gives the validator's own verdicts", () => {
  it.each(documents)("%s", async (_name, load) => {
    const document = await load();
    for (const { schema, examples } of spread(schemasOf(document), 16)) {
      const generated = [false, true].map((skipNonRequired) =>
        outcome(() => sample(schema as never, { skipNonRequired, quiet: true } as never, document as never)),
      );
      const values = [...examples, ...generated.flatMap((entry) => ("result" in entry ? [entry.result] : [])), {}, "text", [null], { unexpected: 1 }, 3.5];
      const { root, sections, draft } = validatorInputs(document, schema);
      const validator = outcome(() => {
        const made = new Validator(root, draft, true);
        made.addSchema(sections);
        return made;
      });
      const check = schemaCheck(document, schema);
      if ("threw" in validator) {
        expect(check).toBeNull();
        continue;
      }
      expect(check).not.toBeNull();
      for (const value of values) {
        expect(outcome(() => check!(value))).toEqual(outcome(() => (validator.result as Validator).validate(value)));
      }
      // The message callers read follows the same verdict.
      expect(documentSchemaProblem(document, schema, {}) === null).toBe(outcome(() => (validator.result as Validator).validate({})).result?.valid ?? true);
    }
  });

  it("indexes a document whose sections the validator cannot read as unchecked, and says nothing of its values", () => {
    // Two schemas with the same `$id`: the validator refuses to index them.
    const document: Json = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { a: { $id: "https://example.com/same", type: "string" }, b: { $id: "https://example.com/same", type: "number" } } },
    };
    const schema = { type: "integer" };
    expect(outcome(() => new Validator({}).addSchema(validatorInputs(document, schema).sections))).toHaveProperty("threw");
    expect(schemaCheck(document, schema)).toBeNull();
    expect(documentSchemaProblem(document, schema, "not an integer")).toBeNull();
  });

  it("follows a schema's `$ref` into the document, and a chain of them", () => {
    const document: Json = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { identifier: { $ref: "#/components/schemas/text" }, text: { type: "string", minLength: 2 } } },
    };
    const schema = { type: "object", properties: { id: { $ref: "#/components/schemas/identifier" } }, required: ["id"] };
    expect(documentSchemaProblem(document, schema, { id: "ab" })).toBeNull();
    expect(documentSchemaProblem(document, schema, { id: "a" })).toMatch(/^\/id: /);
    expect(documentSchemaProblem(document, schema, {})).toMatch(/required/);
  });
});
