import assert from "node:assert/strict";
import { test } from "node:test";
import Fastify from "fastify";
import { installDeprecationHeaders, sunsets } from "../src/deprecation.ts";
import { testApp } from "./support.ts";

test("a deprecated operation says so, and when it goes once a sunset is set", async () => {
  const app = Fastify();
  installDeprecationHeaders(app);
  app.get("/old", { schema: { operationId: "getOld", deprecated: true } }, async () => ({ ok: true }));
  const first = await app.inject({ method: "GET", url: "/old" });
  assert.equal(first.headers.deprecation, "true");
  assert.equal(first.headers.sunset, undefined);
  sunsets.set("getOld", { day: "2026-12-31", guide: "https://wayfinder.tidewater.example/docs/guides/moving-on" });
  const second = await app.inject({ method: "GET", url: "/old" });
  assert.equal(second.headers.sunset, "Thu, 31 Dec 2026 00:00:00 GMT");
  assert.equal(second.headers.link, '<https://wayfinder.tidewater.example/docs/guides/moving-on>; rel="deprecation"');
  sunsets.delete("getOld");
  await app.close();
});

test("other operations carry no deprecation headers", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "GET", url: "/health/live" });
  assert.equal(response.headers.deprecation, undefined);
  await app.close();
});
