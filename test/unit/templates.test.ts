import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { addEndpoint } from "@/lib/templates/add-endpoint";
import { generateService } from "@/lib/templates/generate-service";
import { defaultValues, parameterSchema } from "@/lib/templates/parameter-schema";
import { readTemplates } from "@/lib/templates/read-templates";
import { renderFiles } from "@/lib/templates/render-template";
import type { TemplateSource } from "@/lib/templates/template-manifest";
import { templateServiceSchema } from "@/lib/templates/template-service-input";
import { zipFiles } from "@/lib/platform/zip-files";

const templates = readTemplates(path.resolve("templates"));
const template = (name: string) => templates.get(name)!;

describe("the repository's templates", () => {
  it("are the ones the issue asks for, each with a valid manifest", () => {
    expect([...templates.keys()]).toEqual(["fastapi-endpoint", "fastapi-service", "typescript-endpoint", "typescript-service"]);
    for (const source of templates.values()) {
      // Every parameter's default meets its own rules: a template generates with its defaults alone.
      expect(parameterSchema(source.manifest.parameters).parse({})).toEqual(defaultValues(source.manifest.parameters));
    }
  });

  it("name only patterns and ADRs that exist in the pattern library", async () => {
    const { readdirSync } = await import("node:fs");
    const patterns = readdirSync("content/patterns").map((file) => file.replace(/\.mdx$/, ""));
    const adrs = readdirSync("content/adr").map((file) => file.replace(/\.mdx$/, ""));
    for (const source of templates.values()) {
      for (const pattern of source.manifest.implements.patterns) expect(patterns, `${source.manifest.name}: ${pattern}`).toContain(pattern);
      for (const adr of source.manifest.implements.adrs) expect(adrs, `${source.manifest.name}: ${adr}`).toContain(adr);
    }
  });

  it("render every file with their defaults, parameters in paths too", () => {
    const project = generateService(template("fastapi-service"), {});
    expect(Object.keys(project.files)).toContain("app/routes/items.py");
    expect(project.files["openapi.yaml"]).toContain("operationId: listItems");
    // GitHub Actions expressions survive: `\{{` is Handlebars' escape.
    expect(project.files[".github/workflows/ci.yml"]).toContain("${{ secrets.WAYFINDER_TOKEN }}");
    expect(Object.values(project.files).join("\n")).not.toMatch(/\{\{(?! (secrets|vars)\.)/);
  });
});

describe("template values", () => {
  const schema = parameterSchema(template("fastapi-service").manifest.parameters);

  it("are refused with the manifest's own words, each field named", () => {
    const result = schema.safeParse({ name: "Bad Name", resource: "Item1" });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(issues).toContain("name: lower-case letters, digits and hyphens, 3 to 50 characters, starting with a letter");
    expect(issues).toContain("resource: lower-case letters only, and not a name the template uses itself (problem, health, store, page) or a YAML keyword");
  });

  it("refuse unknown parameters (a misspelt --set) and values of the wrong type", () => {
    expect(schema.safeParse({ nmae: "x" }).success).toBe(false);
    expect(parameterSchema(template("fastapi-endpoint").manifest.parameters).safeParse({ list: "yes" }).success).toBe(false);
    expect(parameterSchema(template("fastapi-endpoint").manifest.parameters).safeParse({ method: "connect" }).success).toBe(false);
  });

  it("cannot be words YAML or Python read as something else, or names the template uses itself", () => {
    expect(schema.safeParse({ resources: "null" }).success).toBe(false);
    expect(schema.safeParse({ resource: "problem" }).success).toBe(false);
    expect(schema.safeParse({ title: "123" }).success).toBe(true); // quoted where it is written, so it stays a string
    const endpoint = parameterSchema(template("fastapi-endpoint").manifest.parameters);
    expect(endpoint.safeParse({ operationId: "import" }).success).toBe(false);
    expect(endpoint.safeParse({ tag: "true" }).success).toBe(false);
    const project = generateService(template("fastapi-service"), { title: "123" });
    expect(parse(project.files["openapi.yaml"]!).info.title).toBe("123");
  });

  it("cannot break out of the code they are written into", () => {
    // Quotes, braces and newlines would let a value end a string literal in Python, TypeScript or YAML.
    for (const description of ['Quote " here', "Brace {{name}} here", "line\nbreak", "back\\slash"])
      expect(schema.safeParse({ description }).success, description).toBe(false);
  });

  it("cannot carry control characters or end a comment, in any template and any free-text field", () => {
    // CR made a Python SyntaxError, NUL an invalid package.json, `*/` code outside a TypeScript comment.
    for (const name of ["fastapi-service", "typescript-service", "fastapi-endpoint", "typescript-endpoint"]) {
      const parameters = template(name).manifest.parameters;
      const values = parameterSchema(parameters);
      for (const parameter of parameters.filter((candidate) => candidate.type === "string" && !candidate.enum)) {
        for (const value of ["carriage\rreturn", "nul\u0000byte", "bell\u0007", "del\u007f", "line\u2028separator", "tab\there"])
          expect(values.safeParse({ [parameter.name]: value }).success, `${name} ${parameter.name} ${JSON.stringify(value)}`).toBe(false);
      }
      for (const parameter of parameters.filter((candidate) => ["description", "summary"].includes(candidate.name))) {
        for (const value of ["ends */ here", "opens /* here"]) {
          const result = values.safeParse({ [parameter.name]: value });
          expect(result.success, `${name} ${parameter.name} ${value}`).toBe(false);
          expect(result.error!.issues[0]!.message).toMatch(/comment marks/);
        }
        expect(values.safeParse({ [parameter.name]: "Plain words, with a comma." }).success).toBe(true);
      }
    }
    expect(schema.safeParse({ description: "nul\u0000byte" }).error!.issues[0]!.message).toMatch(/control characters/);
  });

  it("are checked the same way by the form's schema (team and values)", () => {
    const form = templateServiceSchema(template("fastapi-service").manifest.parameters);
    expect(form.safeParse({ team: "payments", values: {} }).success).toBe(true);
    expect(form.safeParse({ team: "Not A Slug", values: {} }).success).toBe(false);
    expect(form.safeParse({ team: "payments", values: { name: "x" } }).success).toBe(false);
  });
});

describe("rendering", () => {
  it("writes values as data: a value with {{ in it is not rendered again", () => {
    expect(renderFiles({ "a.txt": "{{v}}" }, { v: "{{w}}" })).toEqual({ "a.txt": "{{w}}" });
  });

  it("fails on a name the values lack instead of writing an empty string", () => {
    expect(() => renderFiles({ "a.txt": "{{missing}}" }, {})).toThrow(/missing/);
  });

  it("refuses a path that renders outside the project", () => {
    expect(() => renderFiles({ "{{dir}}/x.txt": "" }, { dir: ".." })).toThrow(/not a relative path/);
  });
});

describe("adding an endpoint to a YAML document", () => {
  const contract = generateService(template("fastapi-service"), {}).files["openapi.yaml"]!;

  it("keeps every comment, key order and line of the document, adding the operation and what it needs", () => {
    const added = addEndpoint(template("fastapi-endpoint"), {}, contract);
    // Every original line is still there, in the same order.
    const lines = added.contract.split("\n");
    let at = 0;
    for (const line of contract.trimEnd().split("\n")) {
      const found = lines.indexOf(line, at);
      expect(found, `line kept in order: ${line}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    const document = parse(added.contract);
    expect(Object.keys(document.paths)).toEqual(["/health/live", "/health/ready", "/items", "/items/{itemId}", "/items/{itemId}/archive"]);
    expect(document.paths["/items/{itemId}/archive"].post).toMatchObject({
      operationId: "archiveItem",
      responses: { "401": { $ref: "#/components/responses/Unauthenticated" }, "501": { $ref: "#/components/responses/NotImplemented" } },
    });
    expect(added.addedComponents).toEqual(["responses/NotImplemented"]);
    expect(Object.keys(added.files).sort()).toEqual(["app/routes/archive_item.py", "tests/test_archive_item.py"]);
  });

  it("gives a list operation cursor pagination and a page schema", () => {
    const added = addEndpoint(
      template("fastapi-endpoint"),
      { operationId: "listItemEvents", method: "get", path: "/items/{itemId}/events", list: true, summary: "List the events of an item" },
      contract,
    );
    const document = parse(added.contract);
    const operation = document.paths["/items/{itemId}/events"].get;
    expect(operation.parameters.map((p: { name?: string; $ref?: string }) => p.name ?? p.$ref)).toEqual([
      "itemId",
      "#/components/parameters/Limit",
      "#/components/parameters/Cursor",
    ]);
    expect(document.components.schemas.ListItemEventsPage.required).toEqual(["items", "nextCursor"]);
  });

  it("refuses an operation that exists, or a taken operationId, and leaves the text alone", () => {
    expect(() => addEndpoint(template("fastapi-endpoint"), { method: "get", path: "/items", operationId: "newOne" }, contract)).toThrow(
      /already has GET \/items/,
    );
    expect(() => addEndpoint(template("fastapi-endpoint"), { operationId: "listItems" }, contract)).toThrow(/already has an operation "listItems"/);
  });

  it("adds to a JSON document too, which stays JSON with its own indentation", () => {
    const json = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: { "/items": { get: { operationId: "listItems", responses: {} } } },
    });
    const added = addEndpoint(template("fastapi-endpoint"), {}, json);
    const document = JSON.parse(added.contract);
    expect(Object.keys(document.paths)).toEqual(["/items", "/items/{itemId}/archive"]);
    expect(document.components.responses.NotImplemented.description).toBe("Not implemented yet.");
    const indented = addEndpoint(template("fastapi-endpoint"), {}, `${JSON.stringify(JSON.parse(json), null, 2)}\n`).contract;
    expect(indented).toMatch(/^\{\n {2}"openapi": "3\.1\.0",\n/);
    expect(indented.endsWith("}\n")).toBe(true);
  });

  it("refuses a service template, and a document that is not YAML", () => {
    expect(() => addEndpoint(template("fastapi-service") as TemplateSource, {}, contract)).toThrow(/service template/);
    expect(() => addEndpoint(template("fastapi-endpoint"), {}, "paths: [unclosed")).toThrow(/not valid YAML/);
  });
});

describe("the zip of a project", () => {
  it("holds every file under one folder, byte for byte", () => {
    const project = generateService(template("typescript-service"), {});
    const unzipped = unzipSync(zipFiles("stock-api", project.files));
    expect(Object.keys(unzipped).sort()).toEqual(
      Object.keys(project.files)
        .map((file) => `stock-api/${file}`)
        .sort(),
    );
    expect(strFromU8(unzipped["stock-api/package.json"]!)).toBe(project.files["package.json"]);
  });
});
