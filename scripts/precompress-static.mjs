// A build step (`npm run build`, after `next build`): writes a brotli (quality 11) and a gzip (level 9)
// copy beside every script and stylesheet under .next/static, which scripts/static-assets.mjs serves.
// Next.js's own server compresses each asset again for every request that asks for it, at gzip's default
// level: ~1.5 MB of scripts for a fresh service page, on the server's CPU, while the page waits.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { compressibleFiles, ENCODINGS } from "./static-assets.mjs";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const compress = {
  br: (bytes) => brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gzip: (bytes) => gzip(bytes, { level: 9 }),
};

const root = path.resolve(import.meta.dirname, "..", ".next/static");
const files = compressibleFiles(root).map((file) => path.join(root, file));

let before = 0;
let after = 0;
// zlib's asynchronous calls run on libuv's thread pool: four files at a time.
for (let next = 0; next < files.length; next += 4)
  await Promise.all(
    files.slice(next, next + 4).map(async (file) => {
      const bytes = readFileSync(file);
      before += bytes.length;
      for (const { name, suffix } of ENCODINGS) {
        const packed = await compress[name](bytes);
        writeFileSync(`${file}${suffix}`, packed);
        if (name === "br") after += packed.length;
      }
    }),
  );
console.log(`Precompressed ${files.length} static assets: ${(before / 1_048_576).toFixed(1)} MB, ${(after / 1_048_576).toFixed(1)} MB as brotli.`);
