import assert from "node:assert/strict";
import { generateKeyPair } from "jose";
import { test } from "node:test";
import { bearer, sign, testApp } from "./support.ts";

const RESOURCE = "/{{resources}}";

test("a valid token is accepted", async () => {
  const { app } = await testApp();
  assert.equal((await app.inject({ method: "GET", url: RESOURCE, headers: await bearer() })).statusCode, 200);
  await app.close();
});

test("no token is a 401 problem, before the body is even read", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "POST", url: RESOURCE, payload: { nonsense: true } });
  assert.equal(response.statusCode, 401);
  assert.match(String(response.headers["content-type"]), /^application\/problem\+json/);
  assert.equal(response.json().status, 401);
  await app.close();
});

test("tokens that must be refused are", async () => {
  const { app } = await testApp();
  const other = await generateKeyPair("RS256");
  const refused: Record<string, string> = {
    expired: await sign({ exp: Math.floor(Date.now() / 1000) - 120 }),
    "other audience": await sign({ aud: "another-service" }),
    "other issuer": await sign({ iss: "https://elsewhere.test" }),
    "no subject": await sign({ sub: undefined }),
    "signed by another key": await sign({}, { key: other.privateKey }),
    "symmetric algorithm": await sign({}, { key: new TextEncoder().encode("a-shared-secret-of-enough-length-1234"), alg: "HS256" }),
    "not a JWT": "not-a-token",
  };
  for (const [what, token] of Object.entries(refused)) {
    const response = await app.inject({ method: "GET", url: RESOURCE, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 401, what);
  }
  await app.close();
});

test("thirty seconds of clock skew are tolerated", async () => {
  const { app } = await testApp();
  const response = await app.inject({ method: "GET", url: RESOURCE, headers: await bearer({ exp: Math.floor(Date.now() / 1000) - 10 }) });
  assert.equal(response.statusCode, 200);
  await app.close();
});
