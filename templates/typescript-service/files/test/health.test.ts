import assert from "node:assert/strict";
import { test } from "node:test";
import { testApp } from "./support.ts";

test("live needs no token", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "GET", url: "/health/live" });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), { status: "ok" });
  await app.close();
});

test("ready reports a failing check by name as a 503 problem", async () => {
  const { app, checks } = await testApp();
  assert.equal((await app.inject({ method: "GET", url: "/health/ready" })).statusCode, 200);
  checks.store = async () => false;
  const response = await app.inject({ method: "GET", url: "/health/ready" });
  assert.equal(response.statusCode, 503);
  assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
  assert.match(response.json().detail, /store/);
  await app.close();
});
