/**
 * openapi.yaml is the contract (ADR 2): the app must serve exactly the operations it declares, with the
 * same parameters, request bodies, responses, security and schema properties. Edit the document first,
 * then the code; this test names every place they disagree.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";
import { testApp } from "./support.ts";

type Node = Record<string, unknown>;
const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);
const contract = parse(readFileSync(new URL("../openapi.yaml", import.meta.url), "utf8")) as Node;

function resolve(document: Node, node: unknown): Node {
  let current = node as Node | undefined;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<Node>((target, part) => target[part] as Node, document);
  }
  return current ?? {};
}

const refName = (schema: unknown) => String((schema as Node | undefined)?.$ref ?? "").split("/").pop() ?? "";
const mediaRefs = (content: unknown) => Object.fromEntries(Object.entries((content ?? {}) as Record<string, Node>).map(([media, value]) => [media, refName(value.schema)]));

function operations(document: Node) {
  const shape = new Map<string, unknown>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Node>)) {
    for (const [method, value] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const operation = value as Node;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])].map((p) => resolve(document, p));
      const body = operation.requestBody ? resolve(document, operation.requestBody) : null;
      const responses = Object.fromEntries(
        Object.entries((operation.responses ?? {}) as Record<string, unknown>).map(([status, response]) => [status, mediaRefs(resolve(document, response).content)]),
      );
      const security = (operation.security ?? document.security ?? []) as Record<string, unknown>[];
      shape.set(`${method.toUpperCase()} ${path}`, {
        operationId: operation.operationId,
        // Header names are case-insensitive in HTTP: Fastify declares them in lower case.
        parameters: parameters
          .map((p) => `${String(p.in)} ${p.in === "header" ? String(p.name).toLowerCase() : String(p.name)} ${p.required === true}`)
          .sort(),
        body: body && { content: mediaRefs(body.content) },
        responses,
        security: security.flatMap((requirement) => Object.keys(requirement)).sort(),
      });
    }
  }
  return shape;
}

test("the app serves the operations the contract declares", async () => {
  const { app } = await testApp();
  const served = operations(app.swagger() as unknown as Node);
  const declared = operations(contract);
  assert.deepEqual([...served.keys()].sort(), [...declared.keys()].sort(), "operations differ");
  for (const [key, value] of declared) assert.deepEqual(served.get(key), value, `${key} differs`);
  await app.close();
});

test("schemas have the same properties and required fields", async () => {
  const { app } = await testApp();
  const served = ((app.swagger() as unknown as Node).components as Node).schemas as Record<string, Node>;
  for (const [name, schema] of Object.entries((contract.components as Node).schemas as Record<string, Node>)) {
    assert.ok(served[name], `the app declares no schema ${name}`);
    assert.deepEqual(Object.keys(served[name].properties ?? {}).sort(), Object.keys(schema.properties ?? {}).sort(), `${name}: properties differ`);
    assert.deepEqual([...((served[name].required as string[]) ?? [])].sort(), [...((schema.required as string[]) ?? [])].sort(), `${name}: required fields differ`);
  }
  await app.close();
});

test("the contract and the app agree on title and version", async () => {
  const { app } = await testApp();
  const info = (app.swagger() as unknown as Node).info as Node;
  assert.equal(info.title, (contract.info as Node).title);
  assert.equal(info.version, (contract.info as Node).version);
  await app.close();
});
