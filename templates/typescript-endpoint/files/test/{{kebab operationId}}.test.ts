/** Tests of {{operationId}} ({{upper method}} {{path}}); replace the stub's expectations as it gets written. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { bearer, testApp } from "./support.ts";

test("{{operationId}} needs a token", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "{{upper method}}", url: "{{examplePath path}}"{{#if (takesBody method)}}, payload: {}{{/if}} });
  assert.equal(response.statusCode, 401);
  await app.close();
});

test("{{operationId}} answers as declared", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "{{upper method}}", url: "{{examplePath path}}", headers: await bearer(){{#if (takesBody method)}}, payload: {}{{/if}} });
{{#if list}}
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { items: [], nextCursor: null });
{{else}}
  assert.equal(response.statusCode, 501);
  assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
{{/if}}
  await app.close();
});
