/**
 * Test setup: a real RSA key pair, its JWKS served over HTTP on a free local port (as the Identity API
 * would serve it), and an app configured to trust it. Tokens are signed here, per test.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { buildApp } from "../src/app.ts";
import { readSettings } from "../src/settings.ts";
import { Store } from "../src/store.ts";

export const ISSUER = "https://identity.test";
export const AUDIENCE = "{{name}}";
const KEY_ID = "test-key";

const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: "RS256", use: "sig" }] });
const jwksServer = createServer((_request, response) => response.writeHead(200, { "Content-Type": "application/json" }).end(jwks));
await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
jwksServer.unref();

const settings = readSettings({
  JWT_ISSUER: ISSUER,
  JWT_AUDIENCE: AUDIENCE,
  JWKS_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`,
  LOG_LEVEL: "silent",
});

/** A fresh app with an empty store. */
export const testApp = () => buildApp(settings, new Store());

/** A token signed by the trusted key; `claims` override or (as undefined) remove the usual ones. */
export async function sign(claims: Partial<Record<keyof JWTPayload, unknown>> = {}, options: { key?: CryptoKey | Uint8Array; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const payload = Object.fromEntries(
    Object.entries({ iss: ISSUER, aud: AUDIENCE, sub: "user-1", iat: now, exp: now + 300, ...claims }).filter(([, value]) => value !== undefined),
  );
  return new SignJWT(payload).setProtectedHeader({ alg: options.alg ?? "RS256", kid: KEY_ID }).sign(options.key ?? privateKey);
}

export const bearer = async (claims?: Parameters<typeof sign>[0]) => ({ authorization: `Bearer ${await sign(claims)}` });
