// The portal's HTTP server: Next.js's request handler behind Node's own server, for two things
// `next start` cannot do. Throttling needs the address that really connected (Next only fills
// X-Forwarded-For when the client has not, so the client controls it): each request carries the
// socket's address in X-Wayfinder-Peer, which no client can set (any such header is replaced). And
// the embedded demo, with its passwordless sign-in, listens on loopback unless HOST says otherwise.
//
// Usage: node scripts/serve.mjs [port]   (PORT and HOST are read too; see the README's settings)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import v8 from "node:v8";
import next from "next";
import { admission } from "./admission.mjs";
import { sharedPageCache } from "./page-cache.mjs";
import { precompressedAssets } from "./static-assets.mjs";

// A second line behind lib/platform/security/document-regexp.ts (documents' patterns run on RE2JS): any regular
// expression a library compiles that backtracks excessively falls back to V8's linear-time engine,
// where that engine can run it. Set before anything is loaded; worker threads share the flag.
v8.setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.argv[2] || process.env.PORT || 3000);
const embedded = !process.env.DATABASE_URL;
const host = process.env.HOST || (embedded ? "127.0.0.1" : "0.0.0.0");
process.env.PORT = String(port);

// Checked by lib/platform/env.ts when the app starts. 64 at once: a request holds one or two of the pool's
// 10 connections at a time, for milliseconds, so the pool's own wait stays far below its 5 s limit.
const gate = admission({
  concurrent: Number(process.env.WAYFINDER_MAX_CONCURRENT_REQUESTS || 64),
  queued: Number(process.env.WAYFINDER_MAX_QUEUED_REQUESTS || 1000),
  maxWaitMs: 15_000,
});
// /metrics reads it (lib/platform/metrics.ts): requests being answered, waiting, and refused.
globalThis[Symbol.for("wayfinder.admission")] = gate;

// Scripts and stylesheets as the build compressed them, before the admission gate: a read from memory.
const staticAsset = precompressedAssets(
  path.join(root, ".next/static"),
  JSON.parse(readFileSync(path.join(root, "lib/platform/security/site-headers.json"), "utf8")),
);

// The catalogue's list and service pages for readers not signed in, rendered once per state of what they show (scripts/page-cache.mjs).
const pages = sharedPageCache({ port, host, app: () => globalThis[Symbol.for("wayfinder.sharedPages")] });
globalThis[Symbol.for("wayfinder.pageCache")] = pages;

const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * What is wrong with a request's address, or null: malformed percent-encoding (Next.js would answer 500)
 * or a NUL character in the path or a query parameter (PostgreSQL refuses NUL in text, so it would end
 * as a 500 on whatever page or API reads it). Both are the caller's mistake.
 */
function addressProblem(rawUrl) {
  const [rawPath] = rawUrl.split("?");
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return "The address has malformed percent-encoding.";
  }
  if (path.includes("\0")) return "The address contains a NUL character.";
  for (const [name, value] of new URL(rawUrl, "http://wayfinder.invalid").searchParams)
    if (name.includes("\0") || value.includes("\0")) return `The query parameter "${name.replace(/\0/g, "\\0").slice(0, 100)}" contains a NUL character.`;
  return null;
}

const server = createServer((request, response) => {
  // The page cache's own request for a render carries its reader's address; it holds no place at the gate,
  // as its reader already does.
  if (pages.isRender(request)) return handle(request, response);
  request.headers["x-wayfinder-peer"] = request.socket.remoteAddress ?? "unknown";
  const problem = addressProblem(request.url ?? "/");
  if (problem) {
    const api = (request.url ?? "").startsWith("/api/");
    response.writeHead(400, { "Content-Type": api ? "application/json" : "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
    response.end(api ? JSON.stringify({ error: { code: "BAD_REQUEST", message: problem } }) : problem);
    return;
  }
  if (staticAsset(request, response)) return;
  request.url = withoutMockTrailingSlash(request.url ?? "/");
  gate.admit(request, response, () => pages.answer(request, response, () => handle(request, response)));
});

/**
 * A mocked API's address with a trailing slash (its root, `/mock/{slug}/{version}/`, where a document
 * puts `/`) is answered as it is: Next.js would send a 308 to the address without the slash, which
 * curl does not follow, so the sample for an API's root failed. The mock reads both alike.
 */
function withoutMockTrailingSlash(rawUrl) {
  const [path, ...query] = rawUrl.split("?");
  if (!path.startsWith("/mock/") || !path.endsWith("/") || path.split("/").filter(Boolean).length < 3) return rawUrl;
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end -= 1;
  return [path.slice(0, end), ...query].join("?");
}
// Kept-alive connections outlive the clients' own idle timeouts (undici, browsers, proxies: 4 to 60 s),
// so a client never sends a request on a socket the server is closing at that moment (ECONNRESET,
// seen under load with Node's 5 s default).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => {
  console.log(`Wayfinder is listening on http://${host.includes(":") ? `[${host}]` : host}:${port}`);
  if (embedded && !process.env.HOST)
    console.log("Listening on loopback only (embedded demo database, passwordless sign-in); set HOST=0.0.0.0 to open it to the network.");
});
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
