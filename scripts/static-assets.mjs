import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What the build compresses (scripts/precompress-static.mjs): .next/static holds scripts and stylesheets. */
const COMPRESSIBLE = /\.(?:js|css)$/;
/** The copies beside each asset, in the order they are preferred. */
export const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];
// As Next.js sends them.
const TYPES = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
const PREFIX = "/_next/static/";

/** The scripts and stylesheets under `staticDir`, by their path in it (with `/`): what the build compresses. */
export function compressibleFiles(staticDir) {
  if (!existsSync(staticDir)) return [];
  return readdirSync(staticDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.relative(staticDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

/** The names of ENCODINGS an Accept-Encoding header takes (a weight above 0, by name or by `*`). */
export function acceptedEncodings(header = "") {
  const weights = new Map();
  for (const part of String(header).split(",")) {
    const [name, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (!name) continue;
    const weight = parameters.find((parameter) => parameter.startsWith("q="));
    weights.set(name, weight === undefined ? 1 : Number(weight.slice(2)));
  }
  return new Set(ENCODINGS.map(({ name }) => name).filter((name) => (weights.get(name) ?? weights.get("*") ?? 0) > 0));
}

/**
 * Answers requests for Next.js's static assets (`/_next/static/…`, named by a hash of their content, so
 * cached for a year) with the copies the build compressed, read once and kept (a few MB), and with the
 * headers Next.js sends with them (`siteHeaders`: those next.config.mjs gives every response). Returns
 * false, leaving the request to Next.js as before, for anything else: another address, an asset the
 * build did not compress, a client that takes neither encoding. Only files found under `staticDir` at
 * start are served, by exact name, so no address reaches anything else.
 */
export function precompressedAssets(staticDir, siteHeaders) {
  const served = new Set(compressibleFiles(staticDir).filter((file) => ENCODINGS.every(({ suffix }) => existsSync(path.join(staticDir, file + suffix)))));
  const kept = new Map();
  const copy = (file) => {
    if (!kept.has(file)) {
      const bytes = readFileSync(path.join(staticDir, file));
      kept.set(file, { bytes, etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"` });
    }
    return kept.get(file);
  };
  return function serve(request, response) {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const [address] = (request.url ?? "").split("?");
    if (!address.startsWith(PREFIX)) return false;
    let file;
    try {
      file = decodeURIComponent(address.slice(PREFIX.length));
    } catch {
      return false;
    }
    if (!served.has(file)) return false;
    const accepted = acceptedEncodings(request.headers["accept-encoding"]);
    const encoding = ENCODINGS.find(({ name }) => accepted.has(name));
    if (!encoding) return false;
    const { bytes, etag } = copy(file + encoding.suffix);
    const headers = {
      ...siteHeaders,
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Type": TYPES[path.extname(file)],
      "Content-Encoding": encoding.name,
      Vary: "Accept-Encoding",
      ETag: etag,
    };
    const revalidated = String(request.headers["if-none-match"] ?? "")
      .split(",")
      .some((tag) => tag.trim().replace(/^W\//, "") === etag);
    if (revalidated) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    response.writeHead(200, { ...headers, "Content-Length": bytes.length });
    response.end(request.method === "HEAD" ? undefined : bytes);
    return true;
  };
}
