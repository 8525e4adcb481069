import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { bearer, testApp } from "./support.ts";

const RESOURCE = "/{{resources}}";
type App = Awaited<ReturnType<typeof testApp>>["app"];

async function create(app: App, key: string, fields: Record<string, unknown> = {}) {
  return app.inject({ method: "POST", url: RESOURCE, headers: { ...(await bearer()), "idempotency-key": key }, payload: { name: "first", ...fields } });
}

test("create, then read", async () => {
  const { app } = await testApp();
  const created = await create(app, randomUUID(), { quantity: 3 });
  assert.equal(created.statusCode, 201);
  const body = created.json();
  assert.equal(body.name, "first");
  assert.equal(body.quantity, 3);
  assert.equal(created.headers.location, `${RESOURCE}/${body.id}`);
  assert.deepEqual((await app.inject({ method: "GET", url: `${RESOURCE}/${body.id}`, headers: await bearer() })).json(), body);
  await app.close();
});

test("a retry with the same key creates nothing new; another body with it is a 422", async () => {
  const { app } = await testApp();
  const key = randomUUID();
  const first = (await create(app, key)).json();
  const again = await create(app, key);
  assert.equal(again.statusCode, 201);
  assert.deepEqual(again.json(), first);
  const otherBody = await create(app, key, { quantity: 9 });
  assert.equal(otherBody.statusCode, 422);
  assert.match(otherBody.json().type, /\/idempotency-key-reused$/);
  await app.close();
});

test("creating needs an idempotency key", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "POST", url: RESOURCE, headers: await bearer(), payload: { name: "x" } });
  assert.equal(response.statusCode, 422);
  await app.close();
});

test("an invalid body gets every problem, each with a pointer", async () => {
  const { app } = await testApp();
  const response = await create(app, randomUUID(), { name: "", quantity: -1, colour: "red" });
  assert.equal(response.statusCode, 422);
  assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
  const problem = response.json();
  assert.equal(problem.type, "https://errors.tidewater.example/validation");
  assert.deepEqual(problem.errors.map((error: { pointer: string }) => error.pointer).sort(), ["/colour", "/name", "/quantity"]);
  await app.close();
});

test("an unknown {{resource}} is a 404 problem", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "GET", url: `${RESOURCE}/no-such-id`, headers: await bearer() });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().type, "https://errors.tidewater.example/not-found");
  await app.close();
});

test("pages cover every {{resource}} once", async () => {
  const { app } = await testApp();
  for (let n = 0; n < 7; n++) assert.equal((await create(app, randomUUID(), { name: `paged-${n}` })).statusCode, 201);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { limit: "3", ...(cursor ? { cursor } : {}) };
    const page = (await app.inject({ method: "GET", url: RESOURCE, query, headers: await bearer() })).json();
    assert.ok(page.items.length <= 3);
    seen.push(...page.items.map((item: { name: string }) => item.name));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(seen.sort(), Array.from({ length: 7 }, (_, n) => `paged-${n}`));
  await app.close();
});

test("a forged cursor is a 400 problem", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "GET", url: RESOURCE, query: { cursor: "bm90LWEtY3Vyc29y" }, headers: await bearer() });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().type, "https://errors.tidewater.example/invalid-cursor");
  await app.close();
});

test("a limit out of range is a 422 problem naming it", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "GET", url: RESOURCE, query: { limit: "1000" }, headers: await bearer() });
  assert.equal(response.statusCode, 422);
  assert.match(response.json().errors[0].detail, /limit/);
  await app.close();
});
