import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript, run by scripts/serve.mjs
import { acceptedEncodings, precompressedAssets } from "../../scripts/static-assets.mjs";

const SITE_HEADERS = { "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY" };
const script = "console.log('a chunk');".repeat(200);

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "wayfinder-static-"));
  const write = (file: string, text: string, copies = true) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    if (copies) {
      writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(text));
      writeFileSync(path.join(dir, `${file}.gz`), gzipSync(text));
    }
  };
  write("chunks/app/(portal)/services/[slug]/page-1.js", script);
  write("css/site.css", "body { color: black }");
  write("chunks/uncompressed.js", script, false);
  writeFileSync(path.join(dir, "secret.txt"), "not an asset");
  const serve = precompressedAssets(dir, SITE_HEADERS);
  server = createServer((request, response) => {
    if (serve(request, response)) return;
    response.writeHead(418);
    response.end("left to Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The raw response (Node's fetch would decompress it): status, headers, bytes. */
async function get(address: string, headers: Record<string, string> = {}, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const sent = request(`${base}${address}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    sent.on("error", reject);
    sent.end();
  });
}

describe("acceptedEncodings", () => {
  it("reads names, weights and the wildcard", () => {
    expect([...acceptedEncodings("gzip, deflate, br, zstd")]).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("gzip;q=0.5, br;q=0")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("*")]).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("*;q=0.1, gzip;q=0")]).toEqual(["br"]);
    expect([...acceptedEncodings("BR;Q=1")]).toEqual(["br"]);
    expect([...acceptedEncodings("identity")]).toEqual([]);
    expect([...acceptedEncodings("br;q=nonsense")]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe("precompressedAssets", () => {
  const page = "/_next/static/chunks/app/(portal)/services/%5Bslug%5D/page-1.js";

  it("answers with the brotli copy where the client takes it, with the asset's headers and the site's", async () => {
    const response = await get(page, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(response.status).toBe(200);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
    expect(response.headers).toMatchObject({
      "content-encoding": "br",
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "content-length": String(response.body.length),
    });
  });

  it("answers with gzip where the client takes only that, and a stylesheet as one", async () => {
    const response = await get("/_next/static/css/site.css?v=1", { "accept-encoding": "gzip" });
    expect([response.status, response.headers["content-encoding"], response.headers["content-type"]]).toEqual([200, "gzip", "text/css; charset=UTF-8"]);
    expect(gunzipSync(response.body).toString()).toBe("body { color: black }");
  });

  it("answers a HEAD without a body, and a repeated request by its ETag with 304", async () => {
    const head = await get(page, { "accept-encoding": "br" }, "HEAD");
    expect([head.status, head.body.length, Number(head.headers["content-length"])]).toEqual([200, 0, brotliCompressSync(script).length]);
    const etag = String(head.headers.etag);
    expect((await get(page, { "accept-encoding": "br", "if-none-match": etag })).status).toBe(304);
    expect((await get(page, { "accept-encoding": "br", "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    // Each copy has its own tag: the gzip one is not the brotli one's.
    expect((await get(page, { "accept-encoding": "gzip", "if-none-match": etag })).status).toBe(200);
  });

  it("leaves everything else to Next.js: no encoding taken, no copies, other files, other methods and addresses", async () => {
    for (const [address, headers, method] of [
      [page, { "accept-encoding": "identity" }, "GET"],
      [page, {}, "GET"],
      ["/_next/static/chunks/uncompressed.js", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/secret.txt", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/chunks/..%2f..%2fsecret.txt", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/%E0%A4%A", { "accept-encoding": "br" }, "GET"],
      ["/_next/static/css/site.css.br", { "accept-encoding": "br" }, "GET"],
      [page, { "accept-encoding": "br" }, "POST"],
      ["/services", { "accept-encoding": "br" }, "GET"],
    ] as const)
      expect((await get(address, headers, method)).status, `${method} ${address} ${JSON.stringify(headers)}`).toBe(418);
  });
});
